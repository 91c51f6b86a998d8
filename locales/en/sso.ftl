# Single sign-on through an OpenID Connect provider (issue 10).
sso-heading = Or use your organization's account
sso-sign-in-with = Sign in with { $label }
sso-unavailable = Single sign-on is not available right now. Try again in a few minutes, or sign in with your password.
sso-expired = That single sign-on attempt has expired or was already used. Start again.
sso-cancelled = Single sign-on was cancelled at the provider. You are not signed in.
sso-failed = Single sign-on did not succeed: the provider's answer could not be verified. Start again.
sso-email-unverified = Your provider has not verified your email address, so it cannot be linked to a Sendero account. Verify it with your provider, or ask an administrator.
sso-no-account = No active Sendero account matches this sign-in. Accounts are created by administrators: ask yours to create or re-enable your account.
