using System.Text;
using Minsheng.Domain.Triage;

namespace Minsheng.Bench.Triage;

/// <summary>
/// A large corpus from a small labelled one. Each synthetic appeal copies a random row's label and title,
/// takes a random contiguous window (60–100 %) of its content, then per character: drops it with
/// probability 4 %, or replaces it with a random character from another row of the same class with
/// probability 3 %. Lengths and vocabulary stay realistic; exact duplicates are rare.
/// </summary>
public static class Synthetic
{
    public static List<TriageDocument> Resample(IReadOnlyList<TriageDocument> docs, int count, int seed)
    {
        var rng = new Random(seed);
        var byLabel = docs.GroupBy(d => d.Label!).ToDictionary(g => g.Key, g => g.ToArray());
        var result = new List<TriageDocument>(count);
        for (var i = 0; i < count; i++)
        {
            var source = docs[rng.Next(docs.Count)];
            var donors = byLabel[source.Label!];
            var content = source.Content;
            var length = (int)(content.Length * (0.6 + 0.4 * rng.NextDouble()));
            var start = rng.Next(content.Length - length + 1);
            result.Add(source with
            {
                Title = Perturb(source.Title, donors, rng),
                Content = Perturb(content.Substring(start, length), donors, rng),
            });
        }
        return result;
    }

    private static string Perturb(string text, TriageDocument[] donors, Random rng)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            var roll = rng.NextDouble();
            if (roll < 0.04) continue;
            if (roll < 0.07)
            {
                var donor = donors[rng.Next(donors.Length)].Content;
                sb.Append(donor.Length == 0 ? c : donor[rng.Next(donor.Length)]);
            }
            else sb.Append(c);
        }
        return sb.ToString();
    }
}

/// <summary>Finds ../shared/data/appeals by walking up from the binary and the working directory.</summary>
public static class SharedData
{
    public static string? Find(string file)
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "shared", "data", "appeals", file);
                if (File.Exists(candidate)) return candidate;
            }
        return null;
    }
}
