package org.paperboy.web;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The TeX of arXiv titles and abstracts turned into MathML Core, for feeds: feed readers run no
 * JavaScript (so no KaTeX) but show MathML. It knows the common part of TeX math (letters,
 * digits, operators, Greek letters and symbols, {@code ^} and {@code _}, {@code \frac},
 * {@code \sqrt}, {@code \mathbb} and friends, accents, {@code \left}/{@code \right},
 * {@code \text}); anything else is refused, and the caller shows the source instead.
 */
final class TexMathMl {

    /** Symbols by command, each the element it becomes and its text. */
    private record Sym(String tag, String text) {}

    private static final Map<String, Sym> SYMBOLS = symbols();
    private static final Map<String, String> ACCENTS = Map.of("hat", "^", "widehat", "^", "tilde", "~", "widetilde", "~",
            "bar", "¯", "overline", "¯", "vec", "→", "dot", "˙", "ddot", "¨");
    private static final Map<String, String> TEXT_FONTS = Map.of("mathrm", "normal", "operatorname", "normal", "textrm", "normal",
            "mathit", "italic", "mathsf", "normal", "mathtt", "normal");

    private final String src;
    private int pos;

    private TexMathMl(String src) {
        this.src = src;
    }

    /** {@code <math>} for the formula between the delimiters, or empty when it is not TeX this class knows. */
    static Optional<String> render(String formula) {
        try {
            TexMathMl p = new TexMathMl(formula);
            String row = p.row(false);
            if (p.pos < formula.length() || row.isEmpty()) return Optional.empty();
            return Optional.of("<math alttext=\"" + escape(formula.strip()) + "\">" + row + "</math>");
        } catch (Refused e) {
            return Optional.empty();
        }
    }

    /** Thrown on TeX this class does not know; the formula keeps its source. */
    private static final class Refused extends RuntimeException {
        Refused() {
            super(null, null, false, false);
        }
    }

    private String row(boolean inGroup) {
        StringBuilder out = new StringBuilder();
        int items = 0;
        while (true) {
            skipSpace();
            if (pos >= src.length()) {
                if (inGroup) throw new Refused();
                break;
            }
            char c = src.charAt(pos);
            if (c == '}') {
                if (!inGroup) throw new Refused();
                pos++;
                break;
            }
            if (c == '\\' && src.startsWith("\\right", pos) && !letterAt(pos + 6)) {
                if (inGroup) throw new Refused();
                break;
            }
            out.append(scripted(atom()));
            items++;
        }
        return items > 1 && inGroup ? "<mrow>" + out + "</mrow>" : out.toString();
    }

    /** An atom with its ^ and _ scripts. */
    private String scripted(String base) {
        String sub = null;
        String sup = null;
        while (true) {
            skipSpace();
            if (pos >= src.length()) break;
            char c = src.charAt(pos);
            if (c == '\'' && sup == null) {
                pos++;
                sup = "<mo>′</mo>";
            } else if ((c == '^' && sup == null) || (c == '_' && sub == null)) {
                pos++;
                skipSpace();
                if (pos >= src.length()) throw new Refused();
                String script = atom();
                if (c == '^') sup = script;
                else sub = script;
            } else {
                break;
            }
        }
        if (sub != null && sup != null) return "<msubsup>" + base + sub + sup + "</msubsup>";
        if (sub != null) return "<msub>" + base + sub + "</msub>";
        if (sup != null) return "<msup>" + base + sup + "</msup>";
        return base;
    }

    private String atom() {
        char c = src.charAt(pos);
        if (c == '{') {
            pos++;
            String inner = row(true);
            return inner.isEmpty() ? "<mrow></mrow>" : inner;
        }
        if (c == '\\') return command();
        // a script with nothing before it, as in GenM$^3$ or $_2$: an empty base
        if (c == '^' || c == '_') return "<mrow></mrow>";
        if (Character.isDigit(c) || (c == '.' && pos + 1 < src.length() && Character.isDigit(src.charAt(pos + 1)))) return number();
        pos++;
        if (Character.isLetter(c)) return "<mi>" + c + "</mi>";
        if ("+-=<>()[]|,;:!?/*.".indexOf(c) >= 0) return "<mo>" + escape(c == '-' ? "−" : String.valueOf(c)) + "</mo>";
        if (c == '~') return "<mspace width=\"0.333em\"></mspace>";
        throw new Refused(); // & # % ^ _ } and the like out of place
    }

    private String number() {
        int start = pos;
        while (pos < src.length() && (Character.isDigit(src.charAt(pos))
                || (src.charAt(pos) == '.' && pos + 1 < src.length() && Character.isDigit(src.charAt(pos + 1))))) pos++;
        return "<mn>" + src.substring(start, pos) + "</mn>";
    }

    private String command() {
        pos++; // the backslash
        if (pos >= src.length()) throw new Refused();
        char c = src.charAt(pos);
        if (!Character.isLetter(c)) {
            pos++;
            return switch (c) {
                case ',', ':', ';', ' ' -> "<mspace width=\"0.2em\"></mspace>";
                case '!' -> "";
                case '{', '}', '|', '%', '&', '#', '$', '_' -> "<mo>" + escape(c == '|' ? "‖" : String.valueOf(c)) + "</mo>";
                default -> throw new Refused();
            };
        }
        int start = pos;
        while (letterAt(pos)) pos++;
        String name = src.substring(start, pos);
        Sym sym = SYMBOLS.get(name);
        if (sym != null) return "<" + sym.tag() + (sym.tag().equals("mi") && sym.text().length() > 1 ? " mathvariant=\"normal\"" : "") + ">"
                + sym.text() + "</" + sym.tag() + ">";
        if (ACCENTS.containsKey(name)) return "<mover accent=\"true\">" + argument() + "<mo>" + ACCENTS.get(name) + "</mo></mover>";
        if (TEXT_FONTS.containsKey(name)) return "<mi mathvariant=\"" + TEXT_FONTS.get(name) + "\">" + escape(plainArgument()) + "</mi>";
        return switch (name) {
            case "frac", "dfrac", "tfrac" -> "<mfrac>" + argument() + argument() + "</mfrac>";
            case "sqrt" -> sqrt();
            case "text", "textit", "textbf", "mbox", "emph" -> "<mtext>" + escape(plainArgument()) + "</mtext>";
            case "mathbb" -> "<mi>" + Alphabets.doubleStruck(plainArgument()).orElseThrow(Refused::new) + "</mi>";
            case "mathcal" -> "<mi>" + Alphabets.script(plainArgument()).orElseThrow(Refused::new) + "</mi>";
            case "mathbf", "boldsymbol" -> "<mi>" + Alphabets.bold(plainArgument()).orElseThrow(Refused::new) + "</mi>";
            case "left" -> fenced();
            case "big", "Big", "bigg", "Bigg", "bigl", "bigr", "Bigl", "Bigr" -> delimiter();
            case "quad" -> "<mspace width=\"1em\"></mspace>";
            case "qquad" -> "<mspace width=\"2em\"></mspace>";
            default -> throw new Refused();
        };
    }

    private String sqrt() {
        skipSpace();
        if (pos < src.length() && src.charAt(pos) == '[') {
            int close = src.indexOf(']', pos);
            if (close < 0) throw new Refused();
            String index = new TexMathMl(src.substring(pos + 1, close)).row(false);
            pos = close + 1;
            return "<mroot>" + argument() + "<mrow>" + index + "</mrow></mroot>";
        }
        return "<msqrt>" + argument() + "</msqrt>";
    }

    /** \left( ... \right) as a row between stretchy fences. */
    private String fenced() {
        String open = delimiter();
        String inner = row(false);
        if (!src.startsWith("\\right", pos)) throw new Refused();
        pos += "\\right".length();
        return "<mrow>" + open + inner + delimiter() + "</mrow>";
    }

    private String delimiter() {
        skipSpace();
        if (pos >= src.length()) throw new Refused();
        char c = src.charAt(pos);
        if (c == '.') {
            pos++;
            return "";
        }
        if ("()[]|/".indexOf(c) >= 0) {
            pos++;
            return "<mo>" + c + "</mo>";
        }
        String cmd = atom();
        if (!cmd.startsWith("<mo>")) throw new Refused();
        return cmd;
    }

    /** One token or a braced group, as math. */
    private String argument() {
        skipSpace();
        if (pos >= src.length()) throw new Refused();
        return atom();
    }

    /** A braced group taken as text ({@code \text{for all}}), or one letter. */
    private String plainArgument() {
        skipSpace();
        if (pos >= src.length()) throw new Refused();
        if (src.charAt(pos) != '{') return String.valueOf(src.charAt(pos++));
        int close = src.indexOf('}', pos);
        int nested = src.indexOf('{', pos + 1);
        if (close < 0 || (nested >= 0 && nested < close)) throw new Refused();
        String text = src.substring(pos + 1, close);
        if (text.contains("\\") || text.contains("$")) throw new Refused();
        pos = close + 1;
        return text;
    }

    private boolean letterAt(int i) {
        return i < src.length() && Character.isLetter(src.charAt(i)) && src.charAt(i) < 128;
    }

    private void skipSpace() {
        while (pos < src.length() && Character.isWhitespace(src.charAt(pos))) pos++;
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /** Whether a bare command such as {@code \mu} outside $...$ is a symbol this class draws. */
    static boolean isSymbol(String name) {
        return SYMBOLS.containsKey(name);
    }

    private static Map<String, Sym> symbols() {
        Map<String, Sym> m = new HashMap<>();
        String[][] greek = {{"alpha", "α"}, {"beta", "β"}, {"gamma", "γ"}, {"delta", "δ"}, {"epsilon", "ϵ"}, {"varepsilon", "ε"},
            {"zeta", "ζ"}, {"eta", "η"}, {"theta", "θ"}, {"vartheta", "ϑ"}, {"iota", "ι"}, {"kappa", "κ"}, {"lambda", "λ"},
            {"mu", "μ"}, {"nu", "ν"}, {"xi", "ξ"}, {"pi", "π"}, {"varpi", "ϖ"}, {"rho", "ρ"}, {"varrho", "ϱ"}, {"sigma", "σ"},
            {"varsigma", "ς"}, {"tau", "τ"}, {"upsilon", "υ"}, {"phi", "ϕ"}, {"varphi", "φ"}, {"chi", "χ"}, {"psi", "ψ"},
            {"omega", "ω"}, {"ell", "ℓ"}, {"hbar", "ℏ"}, {"imath", "ı"}, {"partial", "∂"}, {"nabla", "∇"}, {"infty", "∞"},
            {"emptyset", "∅"}, {"varnothing", "∅"}, {"aleph", "ℵ"}};
        for (String[] g : greek) m.put(g[0], new Sym("mi", g[1]));
        String[][] upper = {{"Gamma", "Γ"}, {"Delta", "Δ"}, {"Theta", "Θ"}, {"Lambda", "Λ"}, {"Xi", "Ξ"}, {"Pi", "Π"},
            {"Sigma", "Σ"}, {"Upsilon", "Υ"}, {"Phi", "Φ"}, {"Psi", "Ψ"}, {"Omega", "Ω"}};
        for (String[] g : upper) m.put(g[0], new Sym("mi", g[1]));
        String[][] ops = {{"times", "×"}, {"cdot", "⋅"}, {"pm", "±"}, {"mp", "∓"}, {"div", "÷"}, {"ast", "∗"}, {"star", "⋆"},
            {"circ", "∘"}, {"bullet", "∙"}, {"oplus", "⊕"}, {"otimes", "⊗"}, {"leq", "≤"}, {"le", "≤"}, {"geq", "≥"}, {"ge", "≥"},
            {"neq", "≠"}, {"ne", "≠"}, {"ll", "≪"}, {"gg", "≫"}, {"approx", "≈"}, {"sim", "∼"}, {"simeq", "≃"}, {"cong", "≅"},
            {"equiv", "≡"}, {"propto", "∝"}, {"in", "∈"}, {"notin", "∉"}, {"ni", "∋"}, {"subset", "⊂"}, {"subseteq", "⊆"},
            {"supset", "⊃"}, {"supseteq", "⊇"}, {"cup", "∪"}, {"cap", "∩"}, {"setminus", "∖"}, {"wedge", "∧"}, {"land", "∧"},
            {"vee", "∨"}, {"lor", "∨"}, {"neg", "¬"}, {"lnot", "¬"}, {"forall", "∀"}, {"exists", "∃"}, {"to", "→"},
            {"rightarrow", "→"}, {"leftarrow", "←"}, {"gets", "←"}, {"Rightarrow", "⇒"}, {"Leftarrow", "⇐"}, {"implies", "⟹"},
            {"leftrightarrow", "↔"}, {"Leftrightarrow", "⇔"}, {"iff", "⟺"}, {"mapsto", "↦"}, {"uparrow", "↑"}, {"downarrow", "↓"},
            {"sum", "∑"}, {"prod", "∏"}, {"int", "∫"}, {"oint", "∮"}, {"mid", "∣"}, {"parallel", "∥"}, {"perp", "⊥"}, {"top", "⊤"},
            {"bot", "⊥"}, {"vdash", "⊢"}, {"models", "⊨"}, {"ldots", "…"}, {"dots", "…"}, {"cdots", "⋯"}, {"vdots", "⋮"},
            {"langle", "⟨"}, {"rangle", "⟩"}, {"lceil", "⌈"}, {"rceil", "⌉"}, {"lfloor", "⌊"}, {"rfloor", "⌋"},
            {"lbrace", "{"}, {"rbrace", "}"}, {"vert", "|"}, {"Vert", "‖"}, {"prime", "′"}, {"triangle", "△"},
            {"preceq", "⪯"}, {"succeq", "⪰"}, {"prec", "≺"}, {"succ", "≻"}, {"colon", ":"}};
        for (String[] o : ops) m.put(o[0], new Sym("mo", o[1]));
        for (String f : List.of("log", "ln", "exp", "sin", "cos", "tan", "max", "min", "arg", "lim", "sup", "inf", "det", "dim", "ker", "Pr")) {
            m.put(f, new Sym("mi", f));
        }
        return Map.copyOf(m);
    }

    /** Mathematical alphanumeric letters: MathML Core draws \mathbb and friends from Unicode, not from mathvariant. */
    static final class Alphabets {
        private Alphabets() {}

        static Optional<String> doubleStruck(String s) {
            return map(s, 0x1D538, 0x1D552, Map.of('C', "ℂ", 'H', "ℍ", 'N', "ℕ", 'P', "ℙ", 'Q', "ℚ", 'R', "ℝ", 'Z', "ℤ"));
        }

        static Optional<String> script(String s) {
            return map(s, 0x1D49C, 0x1D4B6, Map.of('B', "ℬ", 'E', "ℰ", 'F', "ℱ", 'H', "ℋ", 'I', "ℐ", 'L', "ℒ", 'M', "ℳ", 'R', "ℛ",
                    'e', "ℯ", 'g', "ℊ"));
        }

        static Optional<String> bold(String s) {
            return map(s, 0x1D400, 0x1D41A, Map.of());
        }

        private static Optional<String> map(String s, int upperA, int lowerA, Map<Character, String> holes) {
            StringBuilder out = new StringBuilder();
            for (char c : s.toCharArray()) {
                if (holes.containsKey(c)) out.append(holes.get(c));
                else if (c >= 'A' && c <= 'Z') out.appendCodePoint(upperA + c - 'A');
                else if (c >= 'a' && c <= 'z') out.appendCodePoint(lowerA + c - 'a');
                else return Optional.empty();
            }
            return out.isEmpty() ? Optional.empty() : Optional.of(escape(out.toString()));
        }
    }
}
