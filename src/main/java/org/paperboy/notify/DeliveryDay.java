package org.paperboy.notify;

import java.time.LocalDate;

/** Mails delivered and given up on one (UTC) day. */
public record DeliveryDay(LocalDate day, int sent, int failed) {}
