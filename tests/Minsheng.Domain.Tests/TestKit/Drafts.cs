using Minsheng.Domain.Appeals;

namespace Minsheng.Domain.Tests.TestKit;

public static class Drafts
{
    public static AppealDraft Valid(Tier tier = Tier.Timely, AppealType type = AppealType.Complaint, long? subjectUnitId = null) =>
        new(Channel.Hotline12345, type, CategoryId: null, tier,
            Title: "路灯不亮", Content: "幸福小区门口路灯连续一周不亮，夜间出行不便。",
            RegionUnitId: Actors.County, Address: "幸福路 1 号", Latitude: 31.82, Longitude: 117.23,
            CitizenName: "张三", CitizenPhone: "13812341234", CitizenAddress: "幸福小区 3 栋",
            SubjectUnitId: subjectUnitId);
}
