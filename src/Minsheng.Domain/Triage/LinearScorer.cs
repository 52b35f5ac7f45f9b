using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Minsheng.Domain.Triage;

/// <summary>scores = bias + Σ value · weights[slot], eight classes per SIMD step.</summary>
internal static class LinearScorer
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Score(float[] weights, float[] bias, int stride, ReadOnlySpan<int> indices,
        ReadOnlySpan<float> values, Span<float> scores)
    {
        ref var w = ref MemoryMarshal.GetArrayDataReference(weights);
        for (var block = 0; block < stride; block += 8)
        {
            // Two independent sums so consecutive (cache-missing) rows do not wait on one FMA chain.
            var even = Vector256.Create(bias.AsSpan(block, 8));
            var odd = Vector256<float>.Zero;
            var t = 0;
            for (; t + 1 < indices.Length; t += 2)
            {
                even = Vector256.FusedMultiplyAdd(Row(ref w, indices[t], stride, block), Vector256.Create(values[t]), even);
                odd = Vector256.FusedMultiplyAdd(Row(ref w, indices[t + 1], stride, block), Vector256.Create(values[t + 1]), odd);
            }
            if (t < indices.Length)
                even = Vector256.FusedMultiplyAdd(Row(ref w, indices[t], stride, block), Vector256.Create(values[t]), even);
            (even + odd).CopyTo(scores.Slice(block, 8));
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<float> Row(ref float w, int slot, int stride, int block) =>
        Vector256.LoadUnsafe(ref Unsafe.Add(ref w, (nint)slot * stride + block));
}
