using System.Linq.Expressions;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Minsheng.Data;
using Minsheng.Domain.Appeals;
using NpgsqlTypes;

namespace Minsheng.Features.Appeals;

/// <summary>
/// The appeal list's text search: "the title or the content contains the term", served by an index of character
/// bigrams (migration 024). Most Chinese searches are two characters (噪音, 物业), which neither pg_trgm nor FTS5's
/// trigram tokenizer can serve, so every appeal's text is indexed as the set of its overlapping two-character grams
/// plus its last character; a term of n ≥ 2 characters then needs all of its n−1 grams, a one-character term any gram
/// that starts with it. Grams are a filter that never loses a match (every gram of the term is a gram of any text
/// containing it); the term itself is then rechecked with the same Contains the search used before, so the answers
/// are exactly the old ones, only found through the index.
/// PostgreSQL: a GIN index on appeal_search_vector(title, content) — the grams as tsvector lexemes, built by
/// array_to_tsvector so no parser touches them — queried with a tsquery built here from lexeme objects (no query syntax
/// is parsed, so nothing a user types can break it). SQLite: a contentless FTS5 table kept by triggers, tokenized by
/// FTS5's ascii tokenizer, whose rules (<see cref="FtsToken"/>) are simple enough to mirror exactly here.
/// </summary>
public static class AppealTextSearch
{
    /// <summary>Mapped to the SQL function appeal_search_vector on PostgreSQL; it only has meaning inside a query.</summary>
    public static NpgsqlTsVector Vector(string title, string content) =>
        throw new InvalidOperationException("AppealTextSearch.Vector is translated to SQL and cannot run in .NET.");

    /// <summary>
    /// PostgreSQL's strpos (1-based, 0 when absent): the same ordinal test as the LIKE '%term%' Npgsql writes for
    /// Contains, which the planner estimates from the column statistics and multiplies with the gram lookup's own
    /// estimate as if the two were independent (they are not: every text containing the term has its grams). That
    /// made it expect a handful of rows for 噪音 and fetch all 17,000 candidates rather than walk the newest appeals.
    /// A strpos comparison gets the planner's default estimate instead, and costs the same per row.
    /// </summary>
    public static int Position(string text, string term) =>
        throw new InvalidOperationException("AppealTextSearch.Position is translated to SQL and cannot run in .NET.");

    /// <summary>Registers the SQL functions with the model (PostgreSQL only; SQLite reads the FTS5 table by raw SQL).</summary>
    public static void Map(ModelBuilder b, bool isSqlite)
    {
        if (isSqlite) return;
        b.HasDbFunction(typeof(AppealTextSearch).GetMethod(nameof(Vector))!).HasName("appeal_search_vector");
        b.HasDbFunction(typeof(AppealTextSearch).GetMethod(nameof(Position))!).HasName("strpos").IsBuiltIn();
    }

    /// <summary>Appeals whose number is <paramref name="text"/> or whose title or content contains it.</summary>
    public static IQueryable<Appeal> Matching(IQueryable<Appeal> q, string text, MinshengDb db)
    {
        var grams = Grams(text);
        // NUL cannot be stored in PostgreSQL text; the plain predicate keeps today's answer for it (a 400 there).
        if (grams.Count == 0 || text.Contains('\0')) return Plain(q, text);
        if (!db.IsSqlite)
        {
            var query = TsQuery(grams);
            // 受理编号 are ASCII digits only (AppealNumbers), so "number = term" can hold only for a term of digits.
            // Without that disjunct the gram match and the recheck are separate conditions: the gram match is then the
            // bitmap scan's index condition and is not computed again per row (inside an OR it was, at about a
            // millisecond a row), and on a walk of the created_at index PostgreSQL tests the cheap strpos first and
            // builds the grams only for rows that contain the term.
            if (text.All(char.IsAsciiDigit))
                return q.Where(a => a.Number == text
                                    || (Vector(a.Title, a.Content).Matches(query) && (Position(a.Title, text) > 0 || Position(a.Content, text) > 0)));
            return q.Where(a => Vector(a.Title, a.Content).Matches(query))
                .Where(a => Position(a.Title, text) > 0 || Position(a.Content, text) > 0);
        }
        if (FtsMatch(grams) is not { } match) return Plain(q, text);
        var ids = db.Database.SqlQuery<long>($"select rowid as \"Value\" from appeal_search where appeal_search match {match}");
        return q.Where(a => a.Number == text || (ids.Contains(a.Id) && (a.Title.Contains(text) || a.Content.Contains(text))));
    }

    /// <summary>
    /// Appeals whose title or content contains any of <paramref name="phrases"/> (no number test), through the same index:
    /// one lookup for "all grams of one phrase or all grams of another …", then the phrases themselves rechecked, so the
    /// answer is exactly the plain "title or content contains p1, or p2, …". Used by the 每月一题 volume counts.
    /// </summary>
    public static IQueryable<Appeal> MatchingAny(IQueryable<Appeal> q, IReadOnlyList<string> phrases, MinshengDb db)
    {
        if (phrases.Count == 0) return q.Where(_ => false);
        var grams = phrases.Select(Grams).ToList();
        if (grams.Any(g => g.Count == 0) || phrases.Any(p => p.Contains('\0'))) return q.Where(AnyPhrase(phrases, exact: false));
        if (!db.IsSqlite)
        {
            var query = grams.Select(TsQuery).Aggregate((x, y) => new NpgsqlTsQueryOr(x, y));
            return q.Where(a => Vector(a.Title, a.Content).Matches(query)).Where(AnyPhrase(phrases, exact: true));
        }
        var matches = grams.Select(FtsMatch).ToList();
        if (matches.Any(m => m is null)) return q.Where(AnyPhrase(phrases, exact: false));
        // FTS5: each phrase's grams (implicitly ANDed) in parentheses, the phrases ORed.
        var match = string.Join(" OR ", matches.Select(m => $"({m})"));
        var ids = db.Database.SqlQuery<long>($"select rowid as \"Value\" from appeal_search where appeal_search match {match}");
        return q.Where(a => ids.Contains(a.Id)).Where(AnyPhrase(phrases, exact: false));
    }

    /// <summary>
    /// title contains p1 OR content contains p1 OR …, one SQL parameter per phrase; <paramref name="exact"/> writes the
    /// test as strpos (PostgreSQL, see <see cref="Position"/>), otherwise as Contains.
    /// </summary>
    private static Expression<Func<Appeal, bool>> AnyPhrase(IReadOnlyList<string> phrases, bool exact)
    {
        var a = Expression.Parameter(typeof(Appeal), "a");
        var contains = typeof(string).GetMethod(nameof(string.Contains), [typeof(string)])!;
        var position = typeof(AppealTextSearch).GetMethod(nameof(Position))!;
        Expression Test(string column, Expression value) => exact
            ? Expression.GreaterThan(Expression.Call(position, Expression.Property(a, column), value), Expression.Constant(0))
            : Expression.Call(Expression.Property(a, column), contains, value);
        Expression? body = null;
        foreach (var phrase in phrases)
        {
            // A closure per phrase keeps each one a SQL parameter rather than text pasted into the query.
            var value = Expression.Property(Expression.Constant(new Box(phrase)), nameof(Box.Value));
            var one = Expression.OrElse(Test(nameof(Appeal.Title), value), Test(nameof(Appeal.Content), value));
            body = body is null ? one : Expression.OrElse(body, one);
        }
        return Expression.Lambda<Func<Appeal, bool>>(body!, a);
    }

    private sealed record Box(string Value);

    /// <summary>The span of the newest appeals a text search's page is first looked for in.</summary>
    public static readonly TimeSpan RecentWindow = TimeSpan.FromDays(30);

    /// <summary>
    /// One page of a text search, newest first (created_at, then id, descending, as every appeal list orders). On
    /// PostgreSQL the page is first looked for among the appeals of the last <see cref="RecentWindow"/> before the
    /// newest one: PostgreSQL then intersects the gram lookup with that created_at range (or walks it) and fetches only
    /// the few hundred candidates inside it, where the whole search fetches every candidate row (17,000 for 噪音,
    /// 34,000 for 物业 at 1,000,000 appeals) to sort them. Every appeal outside the window is older than every appeal
    /// inside it, so when the window holds the whole page it is exactly the page of the whole search; otherwise the
    /// whole search answers. (The window is not "the newest N appeals": finding the N-th newest reads N index entries
    /// and, for recently changed rows, their table rows — 0.9 s for 20,000 measured.)
    /// </summary>
    public static async Task<List<Appeal>> NewestAsync(IQueryable<Appeal> matching, MinshengDb db, int skip, int take, CancellationToken ct)
    {
        if (!db.IsSqlite && await db.Appeals.MaxAsync(a => (DateTimeOffset?)a.CreatedAt, ct) is { } newest)
        {
            var start = newest - RecentWindow;
            var recent = await Page(matching.Where(a => a.CreatedAt >= start), skip, take).ToListAsync(ct);
            if (recent.Count == take) return recent;
        }
        return await Page(matching, skip, take).ToListAsync(ct);

        static IQueryable<Appeal> Page(IQueryable<Appeal> q, int skip, int take) =>
            q.OrderByDescending(a => a.CreatedAt).ThenByDescending(a => a.Id).Skip(skip).Take(take).AsNoTracking();
    }

    private static IQueryable<Appeal> Plain(IQueryable<Appeal> q, string text) =>
        q.Where(a => a.Number == text || a.Title.Contains(text) || a.Content.Contains(text));

    /// <summary>
    /// The term's grams, counted in Unicode code points as SQL's substr counts them: one gram (a prefix) for a single
    /// character, otherwise every pair of neighbouring characters, each once.
    /// </summary>
    public static IReadOnlyList<Gram> Grams(string text)
    {
        var runes = text.EnumerateRunes().Select(r => r.ToString()).ToArray();
        if (runes.Length == 0) return [];
        if (runes.Length == 1) return [new Gram(runes[0], Prefix: true)];
        var grams = new List<Gram>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < runes.Length; i++)
            if (seen.Add(runes[i] + runes[i + 1])) grams.Add(new Gram(runes[i] + runes[i + 1], Prefix: false));
        return grams;
    }

    public sealed record Gram(string Text, bool Prefix);

    /// <summary>All grams required, as lexeme objects (sent in binary: quotes, *, |, ! or &amp; are plain characters).</summary>
    public static NpgsqlTsQuery TsQuery(IReadOnlyList<Gram> grams)
    {
        NpgsqlTsQuery query = Lexeme(grams[0]);
        foreach (var g in grams.Skip(1)) query = new NpgsqlTsQueryAnd(query, Lexeme(g));
        return query;

        static NpgsqlTsQueryLexeme Lexeme(Gram g) => new(g.Text, NpgsqlTsQueryLexeme.Weight.None, g.Prefix);
    }

    /// <summary>
    /// The FTS5 MATCH string: each gram's token as a quoted phrase (implicitly ANDed), a one-character term as a prefix
    /// query. Tokens hold only letters, digits and non-ASCII characters, so no FTS5 syntax (quotes, *, -, NEAR, OR, AND,
    /// NOT, parentheses, column filters) can survive into the query. Null when no gram has a token (a term of ASCII
    /// punctuation only): the caller then falls back to the plain scan, which is still exact.
    /// </summary>
    public static string? FtsMatch(IReadOnlyList<Gram> grams)
    {
        var phrases = grams.Select(g => (Token: FtsToken(g.Text), g.Prefix)).Where(p => p.Token.Length > 0)
            .Select(p => $"\"{p.Token}\"{(p.Prefix ? "*" : "")}").Distinct().ToList();
        return phrases.Count == 0 ? null : string.Join(" ", phrases);
    }

    /// <summary>
    /// What FTS5's ascii tokenizer keeps of a gram: ASCII letters and digits (folded to lower case) and every non-ASCII
    /// character; any other ASCII character separates tokens. A gram has two characters, so it yields at most one token.
    /// </summary>
    public static string FtsToken(string gram)
    {
        var sb = new StringBuilder(gram.Length);
        foreach (var r in gram.EnumerateRunes())
        {
            if (r.Value >= 128) sb.Append(r.ToString());
            else if (char.IsAsciiLetterOrDigit((char)r.Value)) sb.Append(char.ToLowerInvariant((char)r.Value));
        }
        return sb.ToString();
    }
}
