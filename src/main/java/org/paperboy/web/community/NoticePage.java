package org.paperboy.web.community;

import org.paperboy.web.Meta;

/** A one-message page (mail sent, address confirmed ...). */
public record NoticePage(Meta meta, String heading, String message, String linkHref, String linkText) {}
