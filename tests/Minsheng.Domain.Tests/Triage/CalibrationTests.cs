using Minsheng.Domain.Triage;

namespace Minsheng.Domain.Tests.Triage;

public class CalibrationTests
{
    /// <summary>Scores that always favour one class by <paramref name="margin"/>, right 70 % of the time.</summary>
    private static (List<float[]> Scores, List<int> Gold) Seventy(float margin)
    {
        var scores = new List<float[]>();
        var gold = new List<int>();
        for (var i = 0; i < 100; i++)
        {
            scores.Add([margin, 0f, 0f]);
            gold.Add(i % 10 < 7 ? 0 : 1 + i % 2);
        }
        return (scores, gold);
    }

    [Fact]
    public void Overconfident_scores_get_a_temperature_above_one_and_lower_log_loss()
    {
        var (scores, gold) = Seventy(10f);
        var t = Calibration.FitTemperature(scores, gold);
        t.ShouldBeGreaterThan(1f);
        Calibration.LogLoss(scores, gold, t).ShouldBeLessThan(Calibration.LogLoss(scores, gold, 1));
        // softmax([10, 0, 0] / T) should then say about 70 %.
        var p = (float)(1 / (1 + 2 * Math.Exp(-10 / t)));
        p.ShouldBe(0.7f, 0.01f);
    }

    [Fact]
    public void Underconfident_scores_get_a_temperature_below_one()
    {
        var (scores, gold) = Seventy(0.1f);
        Calibration.FitTemperature(scores, gold).ShouldBeLessThan(1f);
    }

    [Fact]
    public void Threshold_is_the_lowest_confidence_that_keeps_the_target_precision()
    {
        float[] confidence = [0.9f, 0.8f, 0.7f, 0.6f];
        bool[] correct = [true, true, false, true];
        Calibration.FitThreshold(confidence, correct, 0.75f).ShouldBe(0.6f);
        Calibration.FitThreshold(confidence, correct, 0.9f).ShouldBe(0.8f);
        Calibration.FitThreshold(confidence, [false, false, false, false], 0.5f).ShouldBe(1f);
    }

    [Fact]
    public void Perfectly_calibrated_predictions_have_zero_calibration_error()
    {
        float[] confidence = [1f, 1f, 0.5f, 0.5f];
        Calibration.ExpectedCalibrationError(confidence, [true, true, true, false]).ShouldBe(0, 1e-9);
    }
}
