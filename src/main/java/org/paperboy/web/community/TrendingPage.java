package org.paperboy.web.community;

import java.util.List;
import org.paperboy.web.Meta;

public record TrendingPage(Meta meta, String csrf, List<PaperRow> rows, int days) {}
