namespace Minsheng.Domain.Triage;

/// <summary>
/// Temperature scaling (Guo et al. 2017): one scalar T so that softmax(scores / T) has the lowest
/// log-loss on scores the model produced for texts it did not train on. It never changes the ranking.
/// </summary>
public static class Calibration
{
    /// <summary>Golden-section search over ln T in [ln 0.005, ln 200]; the log-loss is convex in 1/T.</summary>
    public static float FitTemperature(IReadOnlyList<float[]> scores, IReadOnlyList<int> gold)
    {
        if (scores.Count == 0) return 1f;
        double lo = Math.Log(0.005), hi = Math.Log(200);
        var ratio = (Math.Sqrt(5) - 1) / 2;
        double a = hi - ratio * (hi - lo), b = lo + ratio * (hi - lo);
        double fa = LogLoss(scores, gold, Math.Exp(a)), fb = LogLoss(scores, gold, Math.Exp(b));
        for (var i = 0; i < 60; i++)
        {
            if (fa <= fb)
            {
                (hi, b, fb) = (b, a, fa);
                a = hi - ratio * (hi - lo);
                fa = LogLoss(scores, gold, Math.Exp(a));
            }
            else
            {
                (lo, a, fa) = (a, b, fb);
                b = lo + ratio * (hi - lo);
                fb = LogLoss(scores, gold, Math.Exp(b));
            }
        }
        return (float)Math.Exp((lo + hi) / 2);
    }

    public static double LogLoss(IReadOnlyList<float[]> scores, IReadOnlyList<int> gold, double temperature)
    {
        var total = 0.0;
        for (var i = 0; i < scores.Count; i++)
        {
            var s = scores[i];
            var max = s.Max();
            var sum = 0.0;
            foreach (var v in s) sum += Math.Exp((v - max) / temperature);
            total += Math.Log(sum) - (s[gold[i]] - max) / temperature;
        }
        return total / scores.Count;
    }

    /// <summary>
    /// The lowest confidence t such that, among held-out predictions with confidence ≥ t, at least
    /// <paramref name="targetPrecision"/> are right. If even the surest prediction misses it, 1.
    /// </summary>
    public static float FitThreshold(IReadOnlyList<float> confidence, IReadOnlyList<bool> correct, float targetPrecision)
    {
        var order = Enumerable.Range(0, confidence.Count).OrderByDescending(i => confidence[i]).ThenBy(i => i).ToArray();
        var threshold = 1f;
        var right = 0;
        for (var k = 0; k < order.Length; k++)
        {
            if (correct[order[k]]) right++;
            if (right >= targetPrecision * (k + 1)) threshold = confidence[order[k]];
        }
        return threshold;
    }

    /// <summary>Expected calibration error over equal-width confidence bins (reported by evaluation).</summary>
    public static double ExpectedCalibrationError(IReadOnlyList<float> confidence, IReadOnlyList<bool> correct, int bins = 10)
    {
        if (confidence.Count == 0) return 0;
        var count = new int[bins];
        var conf = new double[bins];
        var acc = new double[bins];
        for (var i = 0; i < confidence.Count; i++)
        {
            var b = Math.Min(bins - 1, (int)(confidence[i] * bins));
            count[b]++;
            conf[b] += confidence[i];
            acc[b] += correct[i] ? 1 : 0;
        }
        var ece = 0.0;
        for (var b = 0; b < bins; b++)
            if (count[b] > 0) ece += Math.Abs(acc[b] - conf[b]) / confidence.Count;
        return ece;
    }
}
