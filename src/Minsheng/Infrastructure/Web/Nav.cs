using Minsheng.Domain.Organization;

namespace Minsheng.Infrastructure.Web;

public sealed record NavLink(string Label, string Href);

/// <summary>
/// Each role's menu, its first entry being the role's home page. Only links, never the guard: every page
/// checks the role itself.
/// </summary>
public static class Nav
{
    public static IReadOnlyList<NavLink> For(Role role) => role switch
    {
        Role.Operator => [new("电话受理", "/console"), new("回访", "/callbacks"), new("诉求查询", "/appeals"), new("入户走访", "/visits"), new("消息", "/inbox")],
        Role.Dispatcher => [new("派单工作台", "/dispatch"), new("回访", "/callbacks"), new("电话受理", "/console"), new("诉求查询", "/appeals"), new("消息", "/inbox")],
        Role.UnitHandler => [new("本单位待办", "/unit"), new("办理台账", "/unit/ledger"), new("批示交办", "/instructions"), new("每月一题", "/analysis/monthly"), new("本单位考核", "/assessment/unit"), new("入户走访", "/visits"), new("消息", "/inbox")],
        Role.UnitHead => [new("本单位待办", "/unit"), new("待审核", "/unit/approvals"), new("办理台账", "/unit/ledger"), new("批示交办", "/instructions"), new("每月一题", "/analysis/monthly"), new("本单位考核", "/assessment/unit"), new("入户走访", "/visits"), new("消息", "/inbox")],
        Role.Supervisor => [new("督查督办", "/supervise"), new("批示交办", "/instructions"), new("民意参考", "/bulletins"), new("统计分析", "/dashboard"), new("考核", "/assessment"), new("诉求查询", "/appeals"), new("消息", "/inbox")],
        // 每月一题 and 未诉先办 are tabs of the hot-topics page for leaders, whose menu is long enough.
        Role.Leader => [new("领导看板", "/dashboard"), new("热点问题", "/analysis/topics"), new("报告", "/reports"), new("民意参考", "/bulletins"), new("我的批示", "/instructions"), new("督查督办", "/supervise"), new("考核", "/assessment"), new("诉求查询", "/appeals"), new("消息", "/inbox")],
        Role.Analyst => [new("统计分析", "/dashboard"), new("热点问题", "/analysis/topics"), new("报告", "/reports"), new("民意参考", "/bulletins"), new("每月一题", "/analysis/monthly"), new("考核", "/assessment"), new("诉求查询", "/appeals")],
        Role.Publicity => [new("案例公开", "/publicity"), new("诉求查询", "/appeals")],
        Role.Admin => [new("单位", "/admin/units"), new("分类", "/admin/categories"), new("用户", "/admin/users"), new("知识库", "/admin/knowledge"),
            new("工作日历", "/admin/calendar"), new("时限规则", "/admin/policies"), new("分派规则", "/admin/routing"), new("消息", "/inbox")],
        _ => [],
    };

    public static string Home(Role role) => For(role) is [var first, ..] ? first.Href : "/";
}
