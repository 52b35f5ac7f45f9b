using System.Runtime.CompilerServices;

namespace Minsheng.Domain.Triage;

/// <summary>
/// The words a model knows, for a segmenter fast enough to run inside every classification: forward maximum
/// matching over a hash table of every word and every prefix of a word (a trie flattened into 64-bit hashes of
/// normalised characters). jieba segments the training texts once, at training time; prediction only needs to
/// find the words the weights were learned for. Each word may carry a group (1–255, 0 = none), for instance the
/// first-level category whose taxonomy terms it came from; a matched grouped word also fires its group feature.
/// Immutable and thread-safe.
/// </summary>
public sealed class WordLexicon
{
    public const int MaxWordLength = 8;
    private const ulong Basis = 14695981039346656037UL, Prime = 1099511628211UL;
    private const byte PrefixFlag = 0x80;

    // Open addressing, power-of-two size, load ≤ 1/2, one ulong per slot so a probe is one memory read: the high
    // 56 bits of the prefix hash, and in the low byte the flags (bits 0–6: 0 = prefix only, else group + 1 of the
    // word ending here; bit 7: a longer word continues). 0 marks an empty slot. Only prefixes of two or more
    // characters are stored; a 64-kbit filter of hashed first-character pairs stands in for the one-character
    // prefixes, so most positions that start no word cost one L1 read and no probe.
    private readonly ulong[] _slots;
    private readonly ulong[] _firstPairs = new ulong[65536 / 64];
    private readonly int _mask;
    private const ulong KeyMask = ~0xFFUL;

    public WordLexicon(IEnumerable<(string Word, byte Group)> entries)
    {
        var list = new List<(string, byte)>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (raw, group) in entries)
        {
            if (group > 126) throw new ArgumentException("词组编号应在 0 到 126 之间。");
            var word = Normalised(raw);
            if (word.Length is >= 2 and <= MaxWordLength && seen.Add(word)) list.Add((word, group));
        }
        Entries = list;
        var size = 16;
        while (size < list.Sum(e => e.Item1.Length - 1) * 2) size <<= 1;
        (_slots, _mask) = (new ulong[size], size - 1);
        foreach (var (word, group) in list)
        {
            var pair = Pair(word[0], word[1]);
            _firstPairs[pair >> 6] |= 1UL << (pair & 63);
            var h = Step(Basis, word[0]);
            for (var i = 1; i < word.Length; i++)
            {
                h = Step(h, word[i]);
                var slot = Find(h, insert: true);
                var flags = (byte)_slots[slot];
                flags = i < word.Length - 1 ? (byte)(flags | PrefixFlag) : (byte)((flags & PrefixFlag) | (group + 1));
                _slots[slot] = (_slots[slot] & KeyMask) | flags;
            }
        }
    }

    /// <summary>Words as normalised and kept (duplicates and out-of-range lengths dropped), in insertion order.</summary>
    public IReadOnlyList<(string Word, byte Group)> Entries { get; }

    public int Count => Entries.Count;

    /// <summary>Size of the hash table (keys and flags).</summary>
    public long TableBytes => (_slots.LongLength + _firstPairs.Length) * sizeof(ulong);

    /// <summary>
    /// Forward maximum matching: at each position the longest known word starting there is taken and the scan
    /// jumps past it; otherwise it moves one character on. Calls the sink with the word's hash and group for each
    /// word matched. The text must already be normalised as for n-grams, dropped characters removed
    /// (<see cref="Normalised"/>; the featurizer keeps the normalised text of its n-gram pass).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Match<TSink>(ReadOnlySpan<char> normalised, ref TSink sink) where TSink : IWordSink, allows ref struct
    {
        var i = 0;
        var n = normalised.Length;
        while (i < n - 1)
        {
            var c = normalised[i++];
            var pair = Pair(c, normalised[i]);
            if ((_firstPairs[pair >> 6] & (1UL << (pair & 63))) == 0) continue;
            var h = Step(Basis, c);
            int bestEnd = -1, bestGroup = 0;
            ulong bestHash = 0;
            for (int j = i, end = Math.Min(n, i + MaxWordLength - 1); j < end;)
            {
                h = Step(h, normalised[j++]);
                var slot = Find(h, insert: false);
                if (slot < 0) break;
                var flags = (byte)_slots[slot];
                if ((flags & 0x7F) != 0) (bestEnd, bestGroup, bestHash) = (j, (flags & 0x7F) - 1, h);
                if ((flags & PrefixFlag) == 0) break;
            }
            if (bestEnd < 0) continue;
            sink.Word(bestHash & KeyMask, bestGroup);
            i = bestEnd;
        }
    }

    /// <summary>The words <see cref="Match{TSink}"/> finds, as strings (for tests and inspection).</summary>
    public List<string> Segment(string text)
    {
        var sink = new Collect { Hashes = [] };
        Match(NormalisedText(text), ref sink);
        var byHash = Entries.ToDictionary(e => Hash(e.Word) & KeyMask, e => e.Word);
        return sink.Hashes.Select(h => byHash[h]).ToList();
    }

    internal static ulong Hash(string normalisedWord)
    {
        var h = Basis;
        foreach (var c in normalisedWord) h = Step(h, c);
        return h;
    }

    /// <summary>Any text as <see cref="Match{TSink}"/> expects it.</summary>
    public static string NormalisedText(string text) =>
        new(text.Select(Featurizer.Normalise).Where(c => c != '\0').ToArray());

    /// <summary>The word as the featurizer sees it: normalised characters, dropped ones removed.</summary>
    public static string Normalised(string word)
    {
        Span<char> buffer = stackalloc char[Math.Min(word.Length, 64)];
        var n = 0;
        foreach (var raw in word.AsSpan(0, buffer.Length))
        {
            var c = Featurizer.Normalise(raw);
            if (c != '\0') buffer[n++] = c;
        }
        return new string(buffer[..n]);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Pair(char a, char b) => (int)((((uint)a << 16) | b) * 0x9E3779B1u >> 16);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Step(ulong h, char c)
    {
        h = (h ^ c) * Prime;
        return (h & KeyMask) == 0 ? h | 0x100 : h; // a key of 0 would read as an empty slot
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int Find(ulong hash, bool insert)
    {
        var key = hash & KeyMask;
        var slot = (int)((key ^ (key >> 29)) >> 8) & _mask;
        while (true)
        {
            var k = _slots[slot] & KeyMask;
            if (k == key) return slot;
            if (k == 0)
            {
                if (!insert) return -1;
                _slots[slot] = key;
                return slot;
            }
            slot = (slot + 1) & _mask;
        }
    }

    private struct Collect : IWordSink
    {
        public List<ulong> Hashes;
        public void Word(ulong hash, int group) => Hashes.Add(hash);
    }
}

/// <summary>Receives the words a <see cref="WordLexicon"/> matches (a struct, so the call inlines).</summary>
public interface IWordSink
{
    void Word(ulong hash, int group);
}
