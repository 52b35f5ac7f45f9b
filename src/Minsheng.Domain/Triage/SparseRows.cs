namespace Minsheng.Domain.Triage;

/// <summary>Featurised texts in compressed-row form: one flat array of slots and one of values.</summary>
public sealed class SparseRows
{
    private readonly int[] _start;
    private readonly int[] _indices;
    private readonly float[] _values;

    private SparseRows(int[] start, int[] indices, float[] values)
    {
        _start = start;
        _indices = indices;
        _values = values;
    }

    public int Count => _start.Length - 1;

    public long NonZeros => _start[^1];

    public ReadOnlySpan<int> Indices(int row) => _indices.AsSpan(_start[row], _start[row + 1] - _start[row]);

    public Span<float> Values(int row) => _values.AsSpan(_start[row], _start[row + 1] - _start[row]);

    /// <summary>Raw counts of every text, featurised in parallel; row order follows the input.</summary>
    public static SparseRows CountAll(Featurizer featurizer, IReadOnlyList<TriageDocument> docs)
    {
        var rowIdx = new int[docs.Count][];
        var rowVal = new float[docs.Count][];
        Parallel.For(0, docs.Count, () => (new int[0], new float[0]), (r, _, buf) =>
        {
            var d = docs[r];
            var need = featurizer.Settings.MaxFeatures(d.Title.Length, d.Content.Length);
            if (buf.Item1.Length < need) buf = (new int[need], new float[need]);
            var n = featurizer.Count(d.Title, d.Content, buf.Item1, buf.Item2);
            rowIdx[r] = buf.Item1[..n];
            rowVal[r] = buf.Item2[..n];
            return buf;
        }, _ => { });
        var start = new int[docs.Count + 1];
        for (var r = 0; r < docs.Count; r++) start[r + 1] = checked(start[r] + rowIdx[r].Length);
        var indices = new int[start[^1]];
        var values = new float[start[^1]];
        for (var r = 0; r < docs.Count; r++)
        {
            rowIdx[r].CopyTo(indices, start[r]);
            rowVal[r].CopyTo(values, start[r]);
        }
        return new SparseRows(start, indices, values);
    }

    /// <summary>Applies the featurizer's final transform (tf, IDF, L2) to every row in place.</summary>
    public void Transform(Featurizer featurizer) =>
        Parallel.For(0, Count, r => featurizer.Transform(Indices(r), Values(r)));

    /// <summary>A copy whose values can be transformed in place; the slot arrays are shared, not copied.</summary>
    public SparseRows CloneValues() => new(_start, _indices, (float[])_values.Clone());

    /// <summary>A copy holding only the given rows, in the given order.</summary>
    public SparseRows Select(IReadOnlyList<int> rows)
    {
        var start = new int[rows.Count + 1];
        for (var i = 0; i < rows.Count; i++) start[i + 1] = start[i] + Indices(rows[i]).Length;
        var indices = new int[start[^1]];
        var values = new float[start[^1]];
        for (var i = 0; i < rows.Count; i++)
        {
            Indices(rows[i]).CopyTo(indices.AsSpan(start[i]));
            Values(rows[i]).CopyTo(values.AsSpan(start[i]));
        }
        return new SparseRows(start, indices, values);
    }

    public static SparseRows Concat(SparseRows a, SparseRows b)
    {
        var start = new int[a.Count + b.Count + 1];
        a._start.CopyTo(start, 0);
        for (var i = 1; i <= b.Count; i++) start[a.Count + i] = checked(a._start[^1] + b._start[i]);
        return new SparseRows(start, [.. a._indices, .. b._indices], [.. a._values, .. b._values]);
    }
}
