package org.paperboy.rank;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * arXiv's archives and, for those split by subject, their categories (arxiv.org/category_taxonomy).
 * A filter on an archive ({@code cs}) means every category in it; an archive nobody knows is an
 * error, so a typo answers 400 on pages, feeds and the API alike instead of an empty listing.
 * Subjects are not checked: arXiv adds some, and old papers carry retired ones.
 */
public final class ArxivTaxonomy {

    private static final Map<String, String> SUBJECTS = Map.ofEntries(
            Map.entry("cs", "AI AR CC CE CG CL CR CV CY DB DC DL DM DS ET FL GL GR GT HC IR IT LG LO MA MM MS NA NE NI OH OS PF PL RO SC SD SE SI SY"),
            Map.entry("math", "AC AG AP AT CA CO CT CV DG DS FA GM GN GR GT HO IT KT LO MG MP NA NT OA OC PR QA RA RT SG SP ST"),
            Map.entry("stat", "AP CO ME ML OT TH"),
            Map.entry("eess", "AS IV SP SY"),
            Map.entry("econ", "EM GN TH"),
            Map.entry("q-bio", "BM CB GN MN NC OT PE QM SC TO"),
            Map.entry("q-fin", "CP EC GN MF PM PR RM ST TR"),
            Map.entry("astro-ph", "CO EP GA HE IM SR"),
            Map.entry("cond-mat", "dis-nn mes-hall mtrl-sci other quant-gas soft stat-mech str-el supr-con"),
            Map.entry("nlin", "AO CD CG PS SI"),
            Map.entry("physics", "acc-ph ao-ph app-ph atm-clus atom-ph bio-ph chem-ph class-ph comp-ph data-an ed-ph flu-dyn gen-ph "
                    + "geo-ph hist-ph ins-det med-ph optics plasm-ph pop-ph soc-ph space-ph"),
            // archives without subjects, current and retired (still on old papers)
            Map.entry("gr-qc", ""), Map.entry("hep-ex", ""), Map.entry("hep-lat", ""), Map.entry("hep-ph", ""), Map.entry("hep-th", ""),
            Map.entry("math-ph", ""), Map.entry("nucl-ex", ""), Map.entry("nucl-th", ""), Map.entry("quant-ph", ""),
            Map.entry("acc-phys", ""), Map.entry("adap-org", ""), Map.entry("alg-geom", ""), Map.entry("ao-sci", ""), Map.entry("atom-ph", ""),
            Map.entry("bayes-an", ""), Map.entry("chao-dyn", ""), Map.entry("chem-ph", ""), Map.entry("cmp-lg", ""), Map.entry("comp-gas", ""),
            Map.entry("dg-ga", ""), Map.entry("funct-an", ""), Map.entry("mtrl-th", ""), Map.entry("patt-sol", ""), Map.entry("plasm-ph", ""),
            Map.entry("q-alg", ""), Map.entry("solv-int", ""), Map.entry("supr-con", ""));

    private ArxivTaxonomy() {}

    public static boolean knowsArchive(String archive) {
        return SUBJECTS.containsKey(archive);
    }

    public static String archiveOf(String category) {
        int dot = category.indexOf('.');
        return dot < 0 ? category : category.substring(0, dot);
    }

    /** What a filter name matches: an archive its own name and all its categories; a category itself. */
    public static List<String> expand(String name) {
        List<String> out = new ArrayList<>();
        out.add(name);
        if (name.indexOf('.') >= 0) return out;
        String subjects = SUBJECTS.getOrDefault(name, "");
        if (subjects.isEmpty()) return out;
        for (String s : subjects.split(" ")) out.add(name + "." + s);
        return out;
    }
}
