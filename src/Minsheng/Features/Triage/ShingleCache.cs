using System.Collections.Concurrent;

namespace Minsheng.Features.Triage;

/// <summary>
/// The character shingles of appeals' texts, kept between intake requests. Near-duplicate lookup compares the text being
/// typed with up to 3,000 recent and open appeals on every keystroke pause; reading and shingling their whole texts
/// each time cost ~400 ms at a million appeals (bench/scale.sh). An appeal's text only changes with its Version, which
/// is part of the key, so a cached entry is never stale. One per app (singleton): ids are per database.
/// </summary>
public sealed class ShingleCache
{
    /// <summary>Enough for every candidate of a large city several times over (~3 KB each); cleared when exceeded.</summary>
    public const int MaxEntries = 200_000;

    private readonly ConcurrentDictionary<long, (int Version, ulong[] Shingles)> _entries = new();

    public bool TryGet(long id, int version, out ulong[] shingles)
    {
        if (_entries.TryGetValue(id, out var e) && e.Version == version)
        {
            shingles = e.Shingles;
            return true;
        }
        shingles = [];
        return false;
    }

    public void Put(long id, int version, ulong[] shingles)
    {
        if (_entries.Count >= MaxEntries) _entries.Clear();
        _entries[id] = (version, shingles);
    }
}
