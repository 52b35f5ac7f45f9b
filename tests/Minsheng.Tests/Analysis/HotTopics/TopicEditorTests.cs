using Minsheng.Features.Analysis.HotTopics;

namespace Minsheng.Tests.Analysis.HotTopics;

/// <summary>Re-attaching analysts' edits to a fresh set of topics by member overlap (pure, no database).</summary>
public sealed class TopicEditorTests
{
    private static WorkingTopic Topic(string title, params long[] members) => new() { Title = title, GeneratedTitle = title, Members = members.ToHashSet() };

    private static EditData Edit(TopicEditKind kind, long[] anchor, long[]? other = null, string? value = null) => new(kind, anchor, other, value);

    [Fact]
    public void Jaccard_is_shared_over_union()
    {
        TopicEditor.Jaccard([1, 2, 3, 4], new HashSet<long> { 3, 4, 5, 6 }).ShouldBe(2.0 / 6);
        TopicEditor.Jaccard([], new HashSet<long> { 1 }).ShouldBe(0);
    }

    [Fact]
    public void A_rename_follows_its_topic_as_it_grows_and_moves_its_anchor_along()
    {
        // Edited when the topic had appeals 1-4; it has since doubled and another topic now holds 3 and 4's neighbours.
        var grown = Topic("生成的标题", 1, 2, 3, 4, 5, 6, 7, 8);
        var other = Topic("别的热点", 4, 20, 21);
        var topics = new List<WorkingTopic> { other, grown };
        var outcome = TopicEditor.Apply(topics, Edit(TopicEditKind.Rename, [1, 2, 3, 4], value: "南关搅拌站噪音"));
        outcome.Target.ShouldBeSameAs(grown);
        grown.Title.ShouldBe("南关搅拌站噪音");
        other.Title.ShouldBe("别的热点");
        outcome.Anchor.ShouldBe([1, 2, 3, 4, 5, 6, 7, 8]);

        // Next time it has grown again, to 16: against the old anchor (4 of 16) it would be lost, against the new one it holds.
        var later = Topic("再生成的标题", Enumerable.Range(1, 16).Select(i => (long)i).ToArray());
        TopicEditor.Jaccard([1, 2, 3, 4], later.Members).ShouldBeLessThan(TopicEditor.Threshold);
        TopicEditor.Apply([later], Edit(TopicEditKind.Rename, [.. outcome.Anchor], value: "南关搅拌站噪音")).Attached.ShouldBeTrue();
        later.Title.ShouldBe("南关搅拌站噪音");
    }

    [Fact]
    public void An_edit_without_a_close_enough_topic_stays_unattached_and_keeps_its_anchor()
    {
        var topics = new List<WorkingTopic> { Topic("甲", 1, 9, 10, 11, 12) };
        var outcome = TopicEditor.Apply(topics, Edit(TopicEditKind.Dismiss, [1, 2, 3]));
        outcome.Attached.ShouldBeFalse();
        outcome.Anchor.ShouldBe([1, 2, 3]);
        topics[0].Dismissed.ShouldBeFalse();
    }

    [Fact]
    public void Pin_and_dismiss_set_their_flags_and_the_later_edit_wins()
    {
        var t = Topic("甲", 1, 2, 3);
        var topics = new List<WorkingTopic> { t };
        TopicEditor.Apply(topics, Edit(TopicEditKind.Pin, [1, 2, 3]));
        TopicEditor.Apply(topics, Edit(TopicEditKind.Dismiss, [1, 2, 3]));
        (t.Pinned, t.Dismissed).ShouldBe((true, true));
        TopicEditor.Apply(topics, Edit(TopicEditKind.Unpin, [1, 2, 3]));
        TopicEditor.Apply(topics, Edit(TopicEditKind.Restore, [1, 2, 3]));
        (t.Pinned, t.Dismissed).ShouldBe((false, false));
    }

    [Fact]
    public void A_merge_joins_the_other_topic_and_a_rename_made_after_it_finds_the_merged_topic()
    {
        var a = Topic("甲", 1, 2, 3);
        var b = Topic("乙", 10, 11);
        var c = Topic("丙", 20, 21);
        var topics = new List<WorkingTopic> { a, b, c };
        var merged = TopicEditor.Apply(topics, Edit(TopicEditKind.Merge, [1, 2, 3], [10, 11]));
        merged.Target.ShouldBeSameAs(a);
        topics.ShouldBe([a, c]);
        a.Members.Order().ShouldBe([1L, 2, 3, 10, 11]);
        a.Reshaped.ShouldBeTrue();
        merged.Anchor.ShouldBe(new long[] { 1, 2, 3 });
        merged.Other.ShouldBe(new long[] { 10, 11 });

        TopicEditor.Apply(topics, Edit(TopicEditKind.Rename, [1, 2, 3, 10, 11], value: "甲乙合并")).Target.ShouldBeSameAs(a);
        a.Title.ShouldBe("甲乙合并");
    }

    [Fact]
    public void A_merge_the_detector_already_made_is_attached_without_change()
    {
        var both = Topic("甲乙", 1, 2, 3, 10, 11, 12, 13, 14, 15, 16);
        var outcome = TopicEditor.Apply([both], Edit(TopicEditKind.Merge, [1, 2, 3], [10, 11, 12, 13, 14, 15, 16]));
        outcome.Target.ShouldBeSameAs(both);
        both.Reshaped.ShouldBeFalse();
    }

    [Fact]
    public void A_split_moves_the_chosen_appeals_still_in_the_topic_to_a_new_topic_after_it()
    {
        var a = Topic("甲", 1, 2, 3, 4, 5);
        var topics = new List<WorkingTopic> { a, Topic("乙", 30, 31) };
        var outcome = TopicEditor.Apply(topics, Edit(TopicEditKind.Split, [1, 2, 3, 4, 5], [4, 5, 99], "甲的另一半"));
        outcome.Target.ShouldBeSameAs(a);
        a.Members.Order().ShouldBe([1L, 2, 3]);
        topics.Count.ShouldBe(3);
        topics[1].Title.ShouldBe("甲的另一半");
        topics[1].Members.Order().ShouldBe([4L, 5]);
        // Splitting everything out would leave nothing: refused as a no-op.
        TopicEditor.Apply(topics, Edit(TopicEditKind.Split, [1, 2, 3], [1, 2, 3])).Target.ShouldBeSameAs(a);
        a.Members.Count.ShouldBe(3);
    }
}
