# Data protection: sessions, rate limits, two-factor sign-in, retention, exports.
sessions-title = Where you are signed in
sessions-explain = Every browser where your account is signed in. If you do not recognise one, sign it out and change your password.
sessions-device = Browser
sessions-ip = Address
sessions-signed-in = Signed in (UTC)
sessions-last-seen = Last seen (UTC)
sessions-actions = Actions
sessions-unknown = Unknown
sessions-this-one = this browser
sessions-end = Sign out
sessions-end-this = Sign out here
sessions-end-others = Sign out all other sessions
error-rate-limited = Too many requests. Please wait a moment and try again.
