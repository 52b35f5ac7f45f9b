using Minsheng.Domain.Organization;
using Minsheng.Features.Public;

namespace Minsheng.Infrastructure;

/// <summary>The portal and its statistics: the citizen's rating and the kinds of unit the figures are grouped by.</summary>
public static partial class Labels
{
    public static string Rating(CitizenRatingValue r) => r switch
    {
        CitizenRatingValue.Satisfied => "满意",
        CitizenRatingValue.BasicallySatisfied => "基本满意",
        _ => "不满意",
    };

    public static string UnitKind(UnitKind kind) => kind switch
    {
        Domain.Organization.UnitKind.County => "县（区）",
        Domain.Organization.UnitKind.City => "市",
        Domain.Organization.UnitKind.Department => "部门",
        Domain.Organization.UnitKind.Township => "乡镇（街道）",
        _ => "村（社区）",
    };
}
