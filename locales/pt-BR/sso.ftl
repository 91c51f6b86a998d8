# Login único por meio de um provedor OpenID Connect.
sso-heading = Ou use a conta da sua organização
sso-sign-in-with = Entrar com { $label }
sso-unavailable = O login único não está disponível no momento. Tente de novo em alguns minutos ou entre com a sua senha.
sso-expired = Essa tentativa de login único expirou ou já foi usada. Comece de novo.
sso-cancelled = O login único foi cancelado no provedor. Você não está conectado.
sso-failed = O login único não deu certo: não foi possível verificar a resposta do provedor. Comece de novo.
sso-email-unverified = Seu provedor não verificou o seu endereço de e-mail, então ele não pode ser vinculado a uma conta do Sendero. Verifique-o no seu provedor ou fale com um administrador.
sso-no-account = Nenhuma conta ativa do Sendero corresponde a este login. As contas são criadas pelos administradores: peça ao seu que crie ou reative a sua conta.
