package io.crmsync.sandbox.crm.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Parses the SOQL subset of {@link SoqlQuery}. Keywords are case-insensitive; string literals are
 * single-quoted with backslash escapes. Anything else is refused as {@code MALFORMED_QUERY} with
 * Salesforce's message shape: the query, a caret under the offending token, its row and column.
 */
public final class SoqlParser {

    public static final String MALFORMED_QUERY = "MALFORMED_QUERY";

    private final String text;
    private final List<Token> tokens;
    private int position;

    private SoqlParser(String text) {
        this.text = text;
        this.tokens = tokenize(text);
    }

    public static SoqlQuery parse(String soql) {
        if (soql == null || soql.isBlank()) {
            throw RequestRejected.validation(MALFORMED_QUERY, "A query string has to be specified");
        }
        return new SoqlParser(soql).query();
    }

    /** {@code \nQUERY\n   ^\nERROR at Row:r:Column:c\nproblem}, as Salesforce words query errors. */
    public static String errorAt(String soql, int offset, String problem) {
        int row = 1;
        int lineStart = 0;
        for (int i = 0; i < offset && i < soql.length(); i++) {
            if (soql.charAt(i) == '\n') {
                row++;
                lineStart = i + 1;
            }
        }
        int column = offset - lineStart + 1;
        return "\n" + soql + "\n" + " ".repeat(column - 1) + "^\nERROR at Row:" + row + ":Column:" + column
                + "\n" + problem;
    }

    private SoqlQuery query() {
        keyword("SELECT");
        List<SoqlQuery.Name> fields = new ArrayList<>();
        fields.add(name());
        while (peek().kind() == Kind.COMMA) {
            position++;
            fields.add(name());
        }
        keyword("FROM");
        SoqlQuery.Name sObject = name();
        SoqlQuery.Name where = null;
        List<String> values = new ArrayList<>();
        if (peek().is("WHERE")) {
            position++;
            where = name();
            Token operator = next();
            if (operator.kind() == Kind.EQUALS) {
                values.add(string());
            } else if (operator.is("IN")) {
                expect(Kind.OPEN);
                values.add(string());
                while (peek().kind() == Kind.COMMA) {
                    position++;
                    values.add(string());
                }
                expect(Kind.CLOSE);
            } else {
                throw unexpected(operator);
            }
        }
        Token end = next();
        if (end.kind() != Kind.END) {
            throw unexpected(end);
        }
        return new SoqlQuery(text, fields, sObject, where, values);
    }

    private void keyword(String keyword) {
        Token token = next();
        if (!token.is(keyword)) {
            throw unexpected(token);
        }
    }

    private SoqlQuery.Name name() {
        Token token = next();
        if (token.kind() != Kind.WORD || isKeyword(token)) {
            throw unexpected(token);
        }
        return new SoqlQuery.Name(token.text(), token.offset());
    }

    private String string() {
        Token token = next();
        if (token.kind() != Kind.STRING) {
            throw unexpected(token);
        }
        return token.text();
    }

    private void expect(Kind kind) {
        Token token = next();
        if (token.kind() != kind) {
            throw unexpected(token);
        }
    }

    private Token peek() {
        return tokens.get(position);
    }

    private Token next() {
        Token token = tokens.get(position);
        if (token.kind() != Kind.END) {
            position++;
        }
        return token;
    }

    private RequestRejected unexpected(Token token) {
        String shown = token.kind() == Kind.END ? "<EOF>" : token.kind() == Kind.STRING ? "'" + token.text() + "'" : token.text();
        return RequestRejected.validation(MALFORMED_QUERY, errorAt(text, token.offset(), "unexpected token: " + shown));
    }

    private static boolean isKeyword(Token token) {
        return token.is("SELECT") || token.is("FROM") || token.is("WHERE") || token.is("IN");
    }

    private static List<Token> tokenize(String text) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (Character.isLetter(c) || c == '_') {
                int start = i;
                while (i < text.length() && (Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '_')) {
                    i++;
                }
                tokens.add(new Token(Kind.WORD, text.substring(start, i), start));
            } else if (c == '\'') {
                i = literal(text, i, tokens);
            } else if (c == ',' || c == '(' || c == ')' || c == '=') {
                Kind kind = c == ',' ? Kind.COMMA : c == '(' ? Kind.OPEN : c == ')' ? Kind.CLOSE : Kind.EQUALS;
                tokens.add(new Token(kind, String.valueOf(c), i));
                i++;
            } else {
                // Numbers, operators and punctuation the subset does not know: one token, always unexpected.
                int start = i;
                while (i < text.length() && !Character.isWhitespace(text.charAt(i)) && ",()='".indexOf(text.charAt(i)) < 0) {
                    i++;
                }
                tokens.add(new Token(Kind.OTHER, text.substring(start, i), start));
            }
        }
        tokens.add(new Token(Kind.END, "", text.length()));
        return tokens;
    }

    /** A single-quoted literal starting at {@code start}; returns the index after its closing quote. */
    private static int literal(String text, int start, List<Token> tokens) {
        StringBuilder value = new StringBuilder();
        int i = start + 1;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '\'') {
                tokens.add(new Token(Kind.STRING, value.toString(), start));
                return i + 1;
            }
            if (c == '\\') {
                if (i + 1 >= text.length()) {
                    break;
                }
                char escaped = text.charAt(i + 1);
                switch (escaped) {
                    case '\'', '"', '\\' -> value.append(escaped);
                    case 'n' -> value.append('\n');
                    case 'r' -> value.append('\r');
                    case 't' -> value.append('\t');
                    case 'b' -> value.append('\b');
                    case 'f' -> value.append('\f');
                    case '_', '%' -> value.append('\\').append(escaped);
                    default -> throw RequestRejected.validation(MALFORMED_QUERY, errorAt(text, start,
                            "Invalid string literal '" + text.substring(start + 1, Math.min(text.length(), i + 2))
                                    + "'. Illegal character sequence '\\" + escaped + "' in string literal."));
                }
                i += 2;
            } else {
                value.append(c);
                i++;
            }
        }
        throw RequestRejected.validation(MALFORMED_QUERY, errorAt(text, start, "unexpected token: <EOF>"));
    }

    private enum Kind {
        WORD, STRING, COMMA, OPEN, CLOSE, EQUALS, OTHER, END
    }

    private record Token(Kind kind, String text, int offset) {

        boolean is(String keyword) {
            return kind == Kind.WORD && text.toUpperCase(Locale.ROOT).equals(keyword);
        }
    }
}
