using Minsheng.Domain.Appeals;
using Minsheng.Domain.Organization;

namespace Minsheng.Domain.Tests.TestKit;

/// <summary>
/// The cast of the tests. Unit tree: County(1) ⊃ LeadUnit(10) ⊃ LeadSubUnit(11); County ⊃ CoUnit(20); County ⊃ OtherUnit(30).
/// Desk roles work for the whole county (Covers everything); unit staff cover only their own subtree.
/// </summary>
public static class Actors
{
    public const long County = 1, LeadUnit = 10, LeadSubUnit = 11, CoUnit = 20, OtherUnit = 30;

    public static readonly Actor Operator = new(1, "话务员", Role.Operator, County, _ => true);
    public static readonly Actor Dispatcher = new(2, "派单员", Role.Dispatcher, County, _ => true);
    public static readonly Actor Supervisor = new(3, "督办员", Role.Supervisor, County, _ => true);
    public static readonly Actor Leader = new(4, "领导", Role.Leader, County, _ => true);

    /// <summary>Lead unit staff: the unit and its sub-unit.</summary>
    public static readonly Actor LeadHandler = new(10, "主办经办人", Role.UnitHandler, LeadUnit, u => u is LeadUnit or LeadSubUnit);
    public static readonly Actor LeadHead = new(11, "主办负责人", Role.UnitHead, LeadUnit, u => u is LeadUnit or LeadSubUnit);

    /// <summary>Staff of a child of the lead unit: does not cover the lead unit itself.</summary>
    public static readonly Actor SubUnitHandler = new(12, "下级经办人", Role.UnitHandler, LeadSubUnit, u => u == LeadSubUnit);

    /// <summary>Staff of the county government above the lead unit: covers the whole county.</summary>
    public static readonly Actor CountyHandler = new(13, "县级经办人", Role.UnitHandler, County, _ => true);

    public static readonly Actor CoHandler = new(20, "协办经办人", Role.UnitHandler, CoUnit, u => u == CoUnit);
    public static readonly Actor CoHead = new(21, "协办负责人", Role.UnitHead, CoUnit, u => u == CoUnit);

    public static readonly Actor OtherHandler = new(30, "无关经办人", Role.UnitHandler, OtherUnit, u => u == OtherUnit);
    public static readonly Actor OtherHead = new(31, "无关负责人", Role.UnitHead, OtherUnit, u => u == OtherUnit);

    /// <summary>Someone of the given role who covers every unit, so only the role can stop them.</summary>
    public static Actor WithRole(Role role) => new(99, $"任意{role}", role, County, _ => true);
}
