using Minsheng.Domain.Triage;

namespace Minsheng.Domain.Tests.Triage;

public class ClassificationReportTests
{
    [Fact]
    public void Macro_f1_accuracy_and_confusion_match_a_hand_count()
    {
        // gold a a a b b c ; predicted a a b b c c
        var r = ClassificationReport.Create(["a", "b", "c"], [0, 0, 0, 1, 1, 2], [0, 0, 1, 1, 2, 2]);
        r.Accuracy.ShouldBe(4.0 / 6, 1e-12);
        r.Confusion[0, 1].ShouldBe(1);
        r.Confusion[1, 2].ShouldBe(1);
        r.PerClass[0].F1.ShouldBe(0.8, 1e-12);       // p 1, r 2/3
        r.PerClass[1].F1.ShouldBe(0.5, 1e-12);       // p 1/2, r 1/2
        r.PerClass[2].F1.ShouldBe(2.0 / 3, 1e-12);   // p 1/2, r 1
        r.MacroF1.ShouldBe((0.8 + 0.5 + 2.0 / 3) / 3, 1e-12);
    }

    [Fact]
    public void Stratified_folds_keep_class_proportions_and_are_reproducible()
    {
        var y = Enumerable.Range(0, 50).Select(i => i < 30 ? 0 : 1).ToArray();
        var folds = Folds.Stratified(y, 2, 5, seed: 7);
        folds.ShouldBe(Folds.Stratified(y, 2, 5, seed: 7));
        for (var f = 0; f < 5; f++)
        {
            Enumerable.Range(0, 50).Count(i => folds[i] == f && y[i] == 0).ShouldBe(6);
            Enumerable.Range(0, 50).Count(i => folds[i] == f && y[i] == 1).ShouldBe(4);
        }
    }
}
