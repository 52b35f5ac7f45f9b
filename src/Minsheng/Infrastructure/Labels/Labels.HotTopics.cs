using Minsheng.Features.Analysis.HotTopics;

namespace Minsheng.Infrastructure;

/// <summary>Hot topics (热点问题): the analysts' edits.</summary>
public static partial class Labels
{
    public static string TopicEdit(TopicEditKind k) => k switch
    {
        TopicEditKind.Rename => "改名",
        TopicEditKind.Merge => "合并",
        TopicEditKind.Split => "拆分",
        TopicEditKind.Pin => "置顶",
        TopicEditKind.Unpin => "取消置顶",
        TopicEditKind.Dismiss => "忽略",
        _ => "恢复",
    };
}
