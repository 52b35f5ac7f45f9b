using Minsheng.Domain.Triage;

namespace Minsheng.Domain.Tests.Triage;

public class TriageModelTests
{
    private static readonly Lazy<TriageModel> Trained = new(() => TriageTrainer.Train(TriageFixtures.Corpus(), TriageFixtures.Options));

    [Fact]
    public void Learns_a_separable_toy_problem()
    {
        var rng = new Random(99);
        for (var topic = 0; topic < TriageFixtures.Labels.Length; topic++)
            for (var i = 0; i < 10; i++)
            {
                var doc = TriageFixtures.Make(topic, rng);
                Trained.Value.Predict(doc.Title, doc.Content).Best.Label.ShouldBe(TriageFixtures.Labels[topic]);
            }
    }

    [Theory]
    [InlineData(TriageAlgorithm.LinearSvm, false)]
    [InlineData(TriageAlgorithm.LinearSvm, true)]
    [InlineData(TriageAlgorithm.Softmax, false)]
    public void Every_algorithm_learns_the_toy_problem(TriageAlgorithm algorithm, bool naiveBayes)
    {
        var options = new TriageOptions { Algorithm = algorithm, NaiveBayesScaling = naiveBayes, C = algorithm == TriageAlgorithm.Softmax ? 10 : 100, CalibrationFolds = 0 };
        var model = TriageTrainer.Train(TriageFixtures.Corpus(), options);
        var rng = new Random(7);
        var test = Enumerable.Range(0, 30).Select(i => TriageFixtures.Make(i % 3, rng)).ToList();
        test.Count(d => model.Predict(d.Title, d.Content).Best.Label == d.Label).ShouldBeGreaterThanOrEqualTo(28);
    }

    [Fact]
    public void Self_training_on_unlabelled_texts_keeps_the_toy_problem_solved_and_deterministic()
    {
        var rng = new Random(11);
        var unlabelled = Enumerable.Range(0, 60).Select(i => TriageFixtures.Make(i % 3, rng) with { Label = null }).ToList();
        var a = TriageTrainer.Train(TriageFixtures.Corpus(), TriageFixtures.Options, unlabelled);
        var b = TriageTrainer.Train(TriageFixtures.Corpus(), TriageFixtures.Options, unlabelled);
        a.ToBytes().ShouldBe(b.ToBytes());
        a.Predict("公交车拥挤", "每天早上公交车太挤").Best.Label.ShouldBe("交通运输");
    }

    [Fact]
    public void Top_three_are_sorted_and_all_probabilities_sum_to_one()
    {
        var model = Trained.Value;
        var p = model.Predict("学校乱收费", "老师要求学生交资料费");
        p.Top.Count.ShouldBe(3);
        p.Top.Select(t => t.Confidence).ShouldBeInOrder(SortDirection.Descending);
        p.Top.Select(t => t.Label).Distinct().Count().ShouldBe(3);
        var all = new float[model.Labels.Count];
        model.Classify("学校乱收费", "老师要求学生交资料费", all);
        all.Sum().ShouldBe(1f, 1e-5f);
        all.Max().ShouldBe(p.Best.Confidence);
    }

    [Fact]
    public void Calibration_fits_a_positive_temperature_and_a_threshold_in_range()
    {
        Trained.Value.Temperature.ShouldBeGreaterThan(0f);
        Trained.Value.Threshold.ShouldBeInRange(0f, 1f);
    }

    [Fact]
    public void Below_the_threshold_the_prediction_asks_for_manual_classification()
    {
        var model = Trained.Value;
        var sure = model.WithThreshold(0f).Predict("医院看病难", "医生态度差");
        sure.NeedsManualClassification.ShouldBeFalse();
        sure.DisplayLabel.ShouldBe("卫生计生");
        var unsure = model.WithThreshold(1.01f).Predict("医院看病难", "医生态度差");
        unsure.NeedsManualClassification.ShouldBeTrue();
        unsure.DisplayLabel.ShouldBe("需人工分类");
        unsure.Best.Label.ShouldBe("卫生计生");
    }

    [Fact]
    public void Training_is_deterministic_for_a_seed()
    {
        var a = TriageTrainer.Train(TriageFixtures.Corpus(), TriageFixtures.Options).ToBytes();
        var b = TriageTrainer.Train(TriageFixtures.Corpus(), TriageFixtures.Options).ToBytes();
        a.ShouldBe(b);
    }

    [Fact]
    public void Round_trip_through_bytes_gives_identical_predictions()
    {
        var model = Trained.Value;
        var bytes = model.ToBytes();
        bytes.AsSpan(0, 8).ToArray().ShouldBe("MSTRIAGE"u8.ToArray());
        var loaded = TriageModelFormat.FromBytes(bytes);
        loaded.Labels.ShouldBe(model.Labels);
        (loaded.Temperature, loaded.Threshold).ShouldBe((model.Temperature, model.Threshold));
        var rng = new Random(3);
        float[] p = new float[3], q = new float[3];
        for (var i = 0; i < 30; i++)
        {
            var doc = TriageFixtures.Make(i % 3, rng);
            model.Classify(doc.Title, doc.Content, p);
            loaded.Classify(doc.Title, doc.Content, q);
            q.ShouldBe(p);
        }
        loaded.ToBytes().ShouldBe(bytes);
    }

    [Fact]
    public void Corrupt_or_foreign_bytes_are_rejected_in_chinese()
    {
        var bytes = Trained.Value.ToBytes();
        var flipped = (byte[])bytes.Clone();
        flipped[bytes.Length / 2] ^= 0x40;
        Should.Throw<FormatException>(() => TriageModelFormat.FromBytes(flipped)).Message.ShouldContain("校验和");
        Should.Throw<FormatException>(() => TriageModelFormat.FromBytes("PK\u0003\u0004 not a model"u8.ToArray())).Message.ShouldContain("文件头");
    }

    [Fact]
    public void Fifteen_category_model_stays_well_under_fifty_megabytes()
    {
        var rng = new Random(1);
        var docs = Enumerable.Range(0, 60).Select(i => TriageFixtures.Make(i % 3, rng) with { Label = $"类{i % 15}" }).ToList();
        var model = TriageTrainer.Train(docs, new TriageOptions { CalibrationFolds = 0 });
        model.Labels.Count.ShouldBe(15);
        model.EstimatedMemoryBytes.ShouldBeLessThan(50L * 1024 * 1024);
        var loaded = TriageModelFormat.FromBytes(model.ToBytes());
        float[] p = new float[15], q = new float[15];
        model.Classify("公交车晚点", "红绿灯坏了", p);
        loaded.Classify("公交车晚点", "红绿灯坏了", q);
        q.ShouldBe(p);
        p.Sum().ShouldBe(1f, 1e-5f);
    }

    [Fact]
    public void Works_for_any_label_set_such_as_appeal_types()
    {
        var docs = new[]
        {
            ("投诉物业乱收费", "投诉"), ("投诉商家欺诈", "投诉"), ("投诉噪音扰民", "投诉"),
            ("建议增设公交线路", "建议"), ("建议修建公园", "建议"), ("建议延长图书馆开放时间", "建议"),
            ("咨询社保如何办理", "咨询"), ("咨询落户政策", "咨询"), ("咨询公积金提取", "咨询"),
        }.Select(t => new TriageDocument(t.Item1, t.Item1, t.Item2)).ToList();
        var model = TriageTrainer.Train(docs, new TriageOptions { CalibrationFolds = 0 });
        model.Labels.ShouldBe(["咨询", "建议", "投诉"]);
        model.Predict("咨询医保报销", "").Best.Label.ShouldBe("咨询");
        model.Predict("投诉快递丢件", "").Best.Label.ShouldBe("投诉");
    }

    [Fact]
    public void Fewer_than_two_labels_is_refused()
    {
        var docs = TriageFixtures.Corpus(3).Select(d => d with { Label = "只有一类" }).ToList();
        Should.Throw<ArgumentException>(() => TriageTrainer.Train(docs));
    }
}
