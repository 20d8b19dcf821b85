"""Messages of Django and django-allauth that the project's catalogue translates itself.

Django falls back to the default language (French) when a Dutch translation is missing: a Dutch
sign-up page said "Ce mot de passe est trop court", because Django 5.2's Dutch catalogue still
carries the old msgid of the password-length message. allauth's Dutch also says "je" where the
platform says "u". The msgids below are copied exactly from the upstream source so that
``makemessages`` keeps them in ``maillage/locale``; ``LOCALE_PATHS`` comes before the
packages' catalogues, so these translations win. ``accounts/tests/test_errors_in_dutch.py`` shows
each of them on a Dutch page.

This module is only read by ``makemessages``: nothing imports it.
"""

from django.utils.translation import gettext_noop, ngettext_lazy

DJANGO = [
    # django/contrib/auth/password_validation.py, MinimumLengthValidator
    ngettext_lazy(
        "This password is too short. It must contain at least %d character.",
        "This password is too short. It must contain at least %d characters.",
        "min_length",
    ),
    # UserAttributeSimilarityValidator (Dutch: "lijkt te veel op de e-mailadres")
    gettext_noop("The password is too similar to the %(verbose_name)s."),
    # django/db/models/fields/related.py, ForeignKey.validate
    gettext_noop("%(model)s instance with %(field)s %(value)r is not a valid choice."),
]

ALLAUTH = [
    # allauth/account/adapter.py: the errors of sign-up, sign-in and passwords
    gettext_noop("The email address and/or password you specified are not correct."),
    gettext_noop("Please type your current password."),
    gettext_noop("You must type the same password each time."),
    gettext_noop("Be patient, you are sending too many requests."),
    gettext_noop("Your primary email address must be verified."),
    gettext_noop("You must type the same email each time."),
    # Every other message of allauth's sign-in, sign-up, password, e-mail, reauthentication and
    # MFA (TOTP, recovery codes) flows whose Dutch says "je"/"jij"/"jouw" (social accounts,
    # passkeys of the identity provider and sessions are not used; see docs/CONTRIBUTING.md).
    # allauth/account/adapter.py
    gettext_noop("You cannot remove your primary email address."),
    gettext_noop("The phone number and/or password you specified are not correct."),
    gettext_noop("You cannot add more than %d email addresses."),
    gettext_noop("Username can not be used. Please use other username."),
    gettext_noop("The username and/or password you specified are not correct."),
    gettext_noop("Use your password"),
    # allauth/mfa/adapter.py
    gettext_noop(
        "You cannot add an email address to an account protected by two-factor authentication."
    ),
    gettext_noop("You cannot deactivate two-factor authentication."),
    gettext_noop(
        "You cannot generate recovery codes without having two-factor authentication enabled."
    ),
    gettext_noop(
        "You cannot activate two-factor authentication until you have verified your email address."
    ),
    # allauth/templates/account/base_reauthenticate.html
    gettext_noop("Please reauthenticate to safeguard your account."),
    # allauth/templates/account/email.html
    gettext_noop("The following email addresses are associated with your account:"),
    gettext_noop("Do you really want to remove the selected email address?"),
    # allauth/templates/account/email/account_already_exists_message.txt
    gettext_noop(
        "You are receiving this email because you or someone else tried to signup "
        "for an\n"
        "account using email address:\n\n"
        "%(email)s\n\n"
        "However, an account using that email address already exists.  In case you "
        "have\n"
        "forgotten about this, please use the password forgotten procedure to "
        "recover\n"
        "your account:\n\n"
        "%(password_reset_url)s"
    ),
    # allauth/templates/account/email/base_notification.txt
    gettext_noop(
        "You are receiving this mail because the following change was made to your account:"
    ),
    gettext_noop(
        "If you do not recognize this change then please take proper security "
        "precautions immediately. The change to your account originates from:\n\n"
        "- IP address: %(ip)s\n"
        "- Browser: %(user_agent)s\n"
        "- Date: %(timestamp)s"
    ),
    # allauth/templates/account/email/email_changed_message.txt
    gettext_noop("Your email has been changed from %(from_email)s to %(to_email)s."),
    # allauth/templates/account/email/email_confirm_message.txt
    gettext_noop("Your email has been confirmed."),
    # allauth/templates/account/email/email_confirmation_message.txt
    gettext_noop(
        "You're receiving this email because user %(user_display)s has given your "
        "email address to register an account on %(site_domain)s."
    ),
    gettext_noop(
        "Your email verification code is listed below. Please enter it in your open browser window."
    ),
    # allauth/templates/account/email/email_confirmation_subject.txt
    gettext_noop("Please Confirm Your Email Address"),
    # allauth/templates/account/email/email_deleted_message.txt
    gettext_noop("Email address %(deleted_email)s has been removed from your account."),
    # allauth/templates/account/email/login_code_message.txt
    gettext_noop("Your sign-in code is listed below. Please enter it in your open browser window."),
    # allauth/templates/account/email/password_reset_code_message.txt
    gettext_noop("This mail can be safely ignored if you did not initiate this action."),
    gettext_noop(
        "Your password reset code is listed below. Please enter it in your open browser window."
    ),
    # allauth/templates/account/email/password_changed_message.txt
    gettext_noop("Your password has been changed."),
    # allauth/templates/account/email/password_reset_key_message.txt
    gettext_noop(
        "You're receiving this email because you or someone else has requested a "
        "password reset for your user account.\n"
        "It can be safely ignored if you did not request a password reset. Click the "
        "link below to reset your password."
    ),
    gettext_noop("In case you forgot, your username is %(username)s."),
    # allauth/templates/account/email/password_reset_message.txt
    gettext_noop("Your password has been reset."),
    # allauth/templates/account/email/password_set_message.txt
    gettext_noop("Your password has been set."),
    # allauth/templates/account/email/unknown_account_message.txt
    gettext_noop(
        "You are receiving this email because you, or someone else, tried to access "
        "an account with email %(email)s. However, we do not have any record of such "
        "an account in our database."
    ),
    gettext_noop("If it was you, you can sign up for an account using the link below."),
    # allauth/templates/account/email_change.html
    gettext_noop("Your email address is still pending verification."),
    # allauth/templates/account/login.html
    gettext_noop(
        "If you have not created an account yet, then please %(link)ssign up%(end_link)s first."
    ),
    gettext_noop("Sign in with a passkey"),
    # allauth/templates/account/logout.html
    gettext_noop("Are you sure you want to sign out?"),
    # allauth/templates/account/messages/cannot_delete_primary_email.txt
    gettext_noop("You cannot remove your primary email address (%(email)s)."),
    # allauth/templates/account/messages/email_confirmed.txt
    gettext_noop("You have confirmed %(email)s."),
    # allauth/templates/account/messages/logged_in.txt
    gettext_noop("Successfully signed in as %(name)s."),
    # allauth/templates/account/messages/logged_out.txt
    gettext_noop("You have signed out."),
    # allauth/templates/account/messages/password_set.txt
    gettext_noop("Password successfully set."),
    # allauth/templates/account/messages/phone_verified.txt
    gettext_noop("You have verified phone number %(phone)s."),
    # allauth/templates/account/password_reset.html
    gettext_noop(
        "Forgotten your password? Enter your email address below, and we'll send you "
        "an email allowing you to reset it."
    ),
    gettext_noop("Please contact us if you have any trouble resetting your password."),
    # allauth/templates/account/password_reset_done.html
    gettext_noop(
        "We have sent you an email. If you have not received it please check your "
        "spam folder. Otherwise contact us if you do not receive it in a few minutes."
    ),
    # allauth/templates/account/password_reset_from_key.html
    gettext_noop(
        "The password reset link was invalid, possibly because it has already been "
        'used.  Please request a <a href="%(passwd_reset_url)s">new password '
        "reset</a>."
    ),
    # allauth/templates/account/password_reset_from_key_done.html
    gettext_noop("Your password is now changed."),
    # allauth/templates/account/phone_change.html
    gettext_noop("Your phone number is still pending verification."),
    # allauth/templates/account/reauthenticate.html
    gettext_noop("Enter your password:"),
    # allauth/templates/account/request_login_code.html
    gettext_noop("You will receive a special code for a password-free sign-in."),
    # allauth/templates/account/signup_by_passkey.html
    gettext_noop("Already have an account? Then please %(link)ssign in%(end_link)s."),
    # allauth/templates/account/signup_closed.html
    gettext_noop("We are sorry, but the sign up is currently closed."),
    # allauth/templates/account/snippets/already_logged_in.html
    gettext_noop("You are already logged in as %(user_display)s."),
    # allauth/templates/account/snippets/warn_no_email.html
    gettext_noop(
        "You currently do not have any email address set up. You should really add "
        "an email address so you can receive notifications, reset your password, etc."
    ),
    # allauth/templates/account/verified_email_required.html
    gettext_noop("Verify Your Email Address"),
    gettext_noop(
        "This part of the site requires us to verify that\n"
        "you are who you claim to be. For this purpose, we require that you\n"
        "verify ownership of your email address. "
    ),
    gettext_noop(
        "We have sent an email to you for\n"
        "verification. Please click on the link inside that email. If you do not see "
        "the verification email in your main inbox, check your spam folder. "
        "Otherwise\n"
        "contact us if you do not receive it within a few minutes."
    ),
    gettext_noop(
        '<strong>Note:</strong> you can still <a href="%(email_url)s">change your '
        "email address</a>."
    ),
    # allauth/templates/account/verification_sent.html
    gettext_noop(
        "We have sent an email to you for verification. Follow the link provided to "
        "finalize the signup process. If you do not see the verification email in "
        "your main inbox, check your spam folder. Please contact us if you do not "
        "receive the verification email within a few minutes."
    ),
    # allauth/templates/mfa/authenticate.html
    gettext_noop(
        "Your account is protected by two-factor authentication. Please enter an "
        "authenticator code:"
    ),
    # allauth/templates/mfa/index.html
    ngettext_lazy(
        "You have added %(count)s security key.",
        "You have added %(count)s security keys.",
        "count",
    ),
    # allauth/templates/mfa/recovery_codes/generate.html
    gettext_noop("You are about to generate a new set of recovery codes for your account."),
    # allauth/templates/mfa/totp/deactivate_form.html
    gettext_noop("Are you sure?"),
    gettext_noop(
        "You are about to deactivate authenticator app based authentication. Are you sure?"
    ),
    # allauth/templates/mfa/totp/activate_form.html
    gettext_noop(
        "To protect your account with two-factor authentication, scan the QR code "
        "below with your authenticator app. Then, input the verification code "
        "generated by the app below."
    ),
    gettext_noop(
        "You can store this secret and use it to reinstall your authenticator app at a later time."
    ),
    # allauth/templates/mfa/trust.html
    gettext_noop(
        "If you choose to trust this browser, you will not be asked for a "
        "verification code the next time you sign in."
    ),
]

#: Django admin messages that Django 5.2's Dutch catalogue lacks (the Dutch admin showed their
#: French fallback: the index's table headers, the login page, the user "add" form).
DJANGO_ADMIN = [
    gettext_noop("Model name"),
    gettext_noop("Add link"),
    gettext_noop("Change or view list link"),
    gettext_noop("Error:"),
    gettext_noop("Forgotten your login credentials?"),
    gettext_noop("In case you’ve forgotten, you are:"),
    gettext_noop("After you’ve created a user, you’ll be able to edit more user options."),
]
