using System.Text;

namespace Minsheng.Domain.Triage;

/// <summary>
/// Binary model format, little-endian: "MSTRIAGE", u16 version, feature settings, labels, temperature,
/// threshold, bias, then the row table's IDF lane and class lanes stored sparsely (slot deltas as 7-bit
/// varints, values as f32, only rows that differ from the fill value), then an FNV-1a 64 checksum of
/// everything before it. Round-trips bit-exactly. Version 2 adds a flag bit for word features and, after the
/// settings, the word lexicon (count, then each word and its group byte); version 1 files (no words) still load.
/// </summary>
public static class TriageModelFormat
{
    public const ushort Version = 2;
    private const byte WordFlag = 4;
    private static readonly byte[] Magic = "MSTRIAGE"u8.ToArray();

    public static byte[] ToBytes(this TriageModel model)
    {
        var s = model.Settings;
        using var stream = new MemoryStream();
        using (var w = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true))
        {
            w.Write(Magic);
            w.Write(Version);
            w.Write((byte)s.MinN);
            w.Write((byte)s.MaxN);
            w.Write((byte)s.HashBits);
            w.Write(s.TitleWeight);
            w.Write((byte)((s.Sublinear ? 1 : 0) | (s.UseIdf ? 2 : 0) | (s.WordFeatures ? WordFlag : 0)));
            w.Write(s.MaxContentChars);
            if (model.Lexicon is { } lexicon)
            {
                w.Write7BitEncodedInt(lexicon.Count);
                foreach (var (word, group) in lexicon.Entries)
                {
                    w.Write(word);
                    w.Write(group);
                }
            }
            w.Write7BitEncodedInt(model.Labels.Count);
            foreach (var l in model.Labels) w.Write(l);
            w.Write(model.Temperature);
            w.Write(model.Threshold);
            foreach (var b in model.Bias) w.Write(b);
            var (k, stride, rows) = (model.Labels.Count, model.Bias.Length, s.Dimension);
            var idf = Lanes(model.Rows, stride, k, 1, rows);
            WriteSparse(w, idf, 1, idf.Max());
            WriteSparse(w, Lanes(model.Rows, stride, 0, k, rows), k, 0f);
        }
        stream.Write(BitConverter.GetBytes(Checksum(stream.GetBuffer().AsSpan(0, (int)stream.Length))));
        return stream.ToArray();
    }

    public static TriageModel FromBytes(byte[] bytes)
    {
        if (bytes.Length < Magic.Length + 10 || !bytes.AsSpan(0, Magic.Length).SequenceEqual(Magic))
            throw new FormatException("不是分诊模型文件（文件头不符）。");
        if (BitConverter.ToUInt64(bytes, bytes.Length - 8) != Checksum(bytes.AsSpan(0, bytes.Length - 8)))
            throw new FormatException("分诊模型已损坏（校验和不符）。");
        using var r = new BinaryReader(new MemoryStream(bytes, Magic.Length, bytes.Length - Magic.Length - 8), Encoding.UTF8);
        var version = r.ReadUInt16();
        if (version is < 1 or > Version) throw new FormatException($"不支持的分诊模型版本 {version}（本程序读取版本 1–{Version}）。");
        var settings = new FeatureSettings
        {
            MinN = r.ReadByte(), MaxN = r.ReadByte(), HashBits = r.ReadByte(), TitleWeight = r.ReadSingle(),
        };
        var flags = r.ReadByte();
        if (version == 1 && (flags & WordFlag) != 0) throw new FormatException("分诊模型已损坏（版本 1 没有词特征）。");
        settings = settings with
        {
            Sublinear = (flags & 1) != 0, UseIdf = (flags & 2) != 0, WordFeatures = (flags & WordFlag) != 0, MaxContentChars = r.ReadInt32(),
        };
        settings.Validate();
        WordLexicon? lexicon = null;
        if (settings.WordFeatures)
        {
            var entries = new (string, byte)[r.Read7BitEncodedInt()];
            for (var i = 0; i < entries.Length; i++) entries[i] = (r.ReadString(), r.ReadByte());
            lexicon = new WordLexicon(entries);
        }
        var labels = new string[r.Read7BitEncodedInt()];
        for (var i = 0; i < labels.Length; i++) labels[i] = r.ReadString();
        var temperature = r.ReadSingle();
        var threshold = r.ReadSingle();
        var bias = new float[LinearTrainer.Stride(labels.Length)];
        for (var i = 0; i < bias.Length; i++) bias[i] = r.ReadSingle();
        var idf = ReadSparse(r, settings.Dimension, 1);
        var weights = ReadSparse(r, settings.Dimension, labels.Length);
        var table = new float[(long)settings.Dimension * bias.Length];
        for (long row = 0; row < settings.Dimension; row++)
        {
            weights.AsSpan((int)(row * labels.Length), labels.Length).CopyTo(table.AsSpan((int)(row * bias.Length)));
            table[row * bias.Length + labels.Length] = idf[row];
        }
        return new TriageModel(settings, labels, table, bias, temperature, threshold, lexicon);
    }

    /// <summary>Lanes [first, first + count) of every row, packed.</summary>
    private static float[] Lanes(float[] table, int stride, int first, int count, int rows)
    {
        var result = new float[(long)rows * count];
        for (long row = 0; row < rows; row++)
            table.AsSpan((int)(row * stride + first), count).CopyTo(result.AsSpan((int)(row * count)));
        return result;
    }

    /// <summary>Rows of <paramref name="width"/> values; a row is written only if it differs from the fill value.</summary>
    private static void WriteSparse(BinaryWriter w, float[] values, int width, float fill)
    {
        var rows = values.Length / width;
        w.Write(fill);
        var kept = Enumerable.Range(0, rows).Where(row => values.AsSpan(row * width, width).ContainsAnyExcept(fill)).ToList();
        w.Write7BitEncodedInt(kept.Count);
        var previous = 0;
        foreach (var row in kept)
        {
            w.Write7BitEncodedInt(row - previous);
            previous = row;
            foreach (var v in values.AsSpan(row * width, width)) w.Write(v);
        }
    }

    private static float[] ReadSparse(BinaryReader r, int rows, int width)
    {
        var values = new float[(long)rows * width];
        var fill = r.ReadSingle();
        if (fill != 0f) Array.Fill(values, fill);
        var count = r.Read7BitEncodedInt();
        var row = 0;
        for (var i = 0; i < count; i++)
        {
            row += r.Read7BitEncodedInt();
            if ((uint)row >= (uint)rows) throw new FormatException("分诊模型已损坏（特征序号越界）。");
            for (var k = 0; k < width; k++) values[(long)row * width + k] = r.ReadSingle();
        }
        return values;
    }

    private static ulong Checksum(ReadOnlySpan<byte> data)
    {
        var h = 14695981039346656037UL;
        foreach (var b in data) h = (h ^ b) * 1099511628211UL;
        return h;
    }
}
