using Minsheng.Domain.Organization;
using Minsheng.Features.Public;

namespace Minsheng.Infrastructure;

/// <summary>The portal and its statistics: the citizen's rating.</summary>
public static partial class Labels
{
    public static string Rating(CitizenRatingValue r) => r switch
    {
        CitizenRatingValue.Satisfied => "满意",
        CitizenRatingValue.BasicallySatisfied => "基本满意",
        _ => "不满意",
    };
}
