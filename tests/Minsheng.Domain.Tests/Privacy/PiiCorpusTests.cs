using System.Text;
using Minsheng.Domain.Privacy;
using Xunit.Abstractions;

namespace Minsheng.Domain.Tests.Privacy;

/// <summary>
/// Precision and recall of <see cref="PiiDetector"/> per kind on pii-corpus.tsv. A span counts as found only with
/// the same kind, start and length as expected. Run with `--logger "console;verbosity=detailed"` to see the table.
/// </summary>
public sealed class PiiCorpusTests(ITestOutputHelper output)
{
    public static readonly string[] DirectoryPhones = ["0550-7021356", "0550-7025566", "0550-7029090", "13905501234"];

    private sealed record Line(int Number, string Text, string? Name, IReadOnlyList<(int Start, int Length, PiiKind Kind)> Expected);

    private static List<Line> Corpus()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Privacy", "pii-corpus.tsv");
        var lines = new List<Line>();
        var number = 0;
        foreach (var raw in File.ReadAllLines(path, Encoding.UTF8))
        {
            number++;
            if (raw.StartsWith('#') || raw.Length == 0) continue;
            var cols = raw.Split('\t');
            if (cols.Length != 3) throw new InvalidDataException($"pii-corpus.tsv line {number}: expected 3 columns, got {cols.Length}");
            var text = cols[0];
            var expected = new List<(int, int, PiiKind)>();
            var from = new Dictionary<string, int>();
            foreach (var item in cols[2].Split('|', StringSplitOptions.RemoveEmptyEntries))
            {
                var colon = item.IndexOf(':');
                var kind = Enum.Parse<PiiKind>(item[..colon]);
                var span = item[(colon + 1)..];
                // A span written twice in the expectations is the next occurrence in the text.
                var at = text.IndexOf(span, from.GetValueOrDefault(span), StringComparison.Ordinal);
                if (at < 0) throw new InvalidDataException($"pii-corpus.tsv line {number}: “{span}” is not in the text");
                from[span] = at + span.Length;
                expected.Add((at, span.Length, kind));
            }
            lines.Add(new Line(number, text, cols[1].Length == 0 ? null : cols[1], expected));
        }
        return lines;
    }

    [Fact]
    public void Corpus_is_large_and_varied()
    {
        var corpus = Corpus();
        corpus.Count.ShouldBeGreaterThanOrEqualTo(150);
        corpus.Count(l => l.Expected.Count == 0).ShouldBeGreaterThanOrEqualTo(30, "sentences with nothing personal");
        foreach (var kind in Enum.GetValues<PiiKind>())
            corpus.Sum(l => l.Expected.Count(e => e.Kind == kind)).ShouldBeGreaterThanOrEqualTo(5, kind.ToString());
    }

    [Fact]
    public void Precision_and_recall_per_kind()
    {
        var detector = new PiiDetector(DirectoryPhones);
        var tp = new Dictionary<PiiKind, int>();
        var fp = new Dictionary<PiiKind, int>();
        var fn = new Dictionary<PiiKind, int>();
        var misses = new List<string>();
        var directoryMasked = 0;
        foreach (var line in Corpus())
        {
            var found = detector.Find(line.Text, [line.Name]).Select(s => (s.Start, s.Length, s.Kind)).ToList();
            foreach (var f in found)
            {
                if (line.Expected.Contains(f)) Inc(tp, f.Kind);
                else { Inc(fp, f.Kind); misses.Add($"FP line {line.Number} {f.Kind}: “{line.Text.Substring(f.Start, f.Length)}” in {line.Text}"); }
            }
            foreach (var e in line.Expected.Where(e => !found.Contains(e)))
            {
                Inc(fn, e.Kind);
                misses.Add($"FN line {line.Number} {e.Kind}: “{line.Text.Substring(e.Start, e.Length)}” in {line.Text}");
            }
            directoryMasked += DirectoryOccurrences(line.Text).Count(d => found.Any(f => f.Start < d.End && d.Start < f.Start + f.Length));
        }

        output.WriteLine($"{"kind",-10} {"expected",8} {"found",6} {"TP",4} {"FP",4} {"FN",4} {"precision",9} {"recall",7}");
        foreach (var kind in Enum.GetValues<PiiKind>())
        {
            int t = tp.GetValueOrDefault(kind), p = fp.GetValueOrDefault(kind), n = fn.GetValueOrDefault(kind);
            output.WriteLine($"{kind,-10} {t + n,8} {t + p,6} {t,4} {p,4} {n,4} {Ratio(t, t + p),9:0.000} {Ratio(t, t + n),7:0.000}");
        }
        int allT = tp.Values.Sum(), allP = fp.Values.Sum(), allN = fn.Values.Sum();
        output.WriteLine($"{"all",-10} {allT + allN,8} {allT + allP,6} {allT,4} {allP,4} {allN,4} {Ratio(allT, allT + allP),9:0.000} {Ratio(allT, allT + allN),7:0.000}");
        output.WriteLine($"directory phones masked: {directoryMasked}");
        foreach (var m in misses) output.WriteLine(m);

        Ratio(tp.GetValueOrDefault(PiiKind.Phone), tp.GetValueOrDefault(PiiKind.Phone) + fn.GetValueOrDefault(PiiKind.Phone)).ShouldBeGreaterThanOrEqualTo(0.98);
        Ratio(tp.GetValueOrDefault(PiiKind.IdNumber), tp.GetValueOrDefault(PiiKind.IdNumber) + fn.GetValueOrDefault(PiiKind.IdNumber)).ShouldBeGreaterThanOrEqualTo(0.98);
        directoryMasked.ShouldBe(0);
        Ratio(allT, allT + allP).ShouldBeGreaterThanOrEqualTo(0.95, "overall precision");
    }

    private static void Inc(Dictionary<PiiKind, int> d, PiiKind k) => d[k] = d.GetValueOrDefault(k) + 1;

    private static double Ratio(int a, int b) => b == 0 ? 1 : (double)a / b;

    /// <summary>
    /// Where a directory phone is written in a text, found independently of the detector: every stretch that
    /// starts and ends with a digit and whose digits are a directory number or its local part.
    /// </summary>
    private static List<(int Start, int End)> DirectoryOccurrences(string text)
    {
        var wanted = DirectoryPhones.Select(PiiText.Digits).SelectMany(d => d.Length == 11 && d[0] == '0' ? new[] { d, d[4..] } : [d]).ToHashSet();
        var folded = PiiText.Fold(text);
        var hits = new List<(int, int)>();
        for (var i = 0; i < folded.Length; i++)
        {
            if (!char.IsAsciiDigit(folded[i])) continue;
            for (var j = i; j < Math.Min(folded.Length, i + 20); j++)
                if (char.IsAsciiDigit(folded[j]) && wanted.Contains(PiiText.Digits(folded[i..(j + 1)]))
                    && (i == 0 || !char.IsAsciiDigit(folded[i - 1])) && (j + 1 == folded.Length || !char.IsAsciiDigit(folded[j + 1])))
                    hits.Add((i, j + 1));
        }
        return hits;
    }
}
