package org.paperboy.community;

import java.net.URI;
import org.paperboy.mail.Mail;

/** The wording of every mail an account receives, with links built on the public base URL. */
final class AccountMails {
    private final URI baseUrl;

    AccountMails(URI baseUrl) {
        this.baseUrl = baseUrl;
    }

    Mail verification(User u, String token) {
        return Mail.text(u.email(), "Confirm your e-mail address for Paperboy", "Hello " + u.username()
                + ",\n\nconfirm your e-mail address by opening this link within " + Accounts.VERIFY_LINK_LIFETIME.toDays() + " days:\n\n"
                + baseUrl + "/account/verify?token=" + token + "\n\nIf you did not sign up, ignore this mail.\n");
    }

    Mail alreadyRegistered(User owner) {
        return Mail.text(owner.email(), "You already have a Paperboy account", "Hello " + owner.username()
                + ",\n\nsomeone, perhaps you, asked Paperboy to use this address for an account, but it already belongs to your account \""
                + owner.username() + "\".\n\nLog in: " + baseUrl + "/login\nForgot your password? " + baseUrl
                + "/account/reset\n\nIf it was not you, ignore this mail: nothing has changed.\n");
    }

    Mail reset(User u, String link) {
        return Mail.text(u.email(), "Reset your Paperboy password", "Hello " + u.username()
                + ",\n\nsomeone asked to reset your password. Choose a new one within " + Accounts.RESET_LINK_LIFETIME.toMinutes()
                + " minutes here:\n\n" + link + "\n\nIf it was not you, ignore this mail: nothing changes.\n");
    }

    String resetLink(String token) {
        return baseUrl + "/account/reset/confirm?token=" + token;
    }

    Mail newAddress(User u, String address, String token) {
        return Mail.text(address, "Confirm your new e-mail address for Paperboy", "Hello " + u.username()
                + ",\n\nopen this link within " + Accounts.EMAIL_CHANGE_LINK_LIFETIME.toDays()
                + " days to make this the address of your Paperboy account:\n\n" + baseUrl + "/account/email/confirm?token=" + token
                + "\n\nIf you did not ask for this, ignore this mail: nothing changes.\n");
    }

    Mail addressChanged(User before, String newAddress) {
        return Mail.text(before.email(), "Your Paperboy address was changed", "Hello " + before.username()
                + ",\n\nyour Paperboy account now uses " + newAddress + ". If you did not do this, reset your password at "
                + baseUrl + "/account/reset with the new address, or answer this mail.\n");
    }
}
