using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Minsheng.Domain.Accountability;
using Minsheng.Domain.Appeals;
using Minsheng.Domain.Notifications;
using Minsheng.Domain.TimeLimits;
using Minsheng.Domain.Organization;
using Minsheng.Features.Audit;
using Minsheng.Features.TimeLimits;
using Minsheng.Features.Triage;
using Minsheng.Features.Users;
using Minsheng.Infrastructure;

namespace Minsheng.Data;

/// <summary>
/// The unit of work. The schema itself comes from the numbered SQL scripts in Migrations/; this model
/// only maps onto it (snake_case names, enums as text, and on SQLite timestamps as unix milliseconds).
/// </summary>
public sealed class MinshengDb(DbContextOptions<MinshengDb> options) : DbContext(options)
{
    public DbSet<Appeal> Appeals => Set<Appeal>();
    public DbSet<TimelineEntry> Timeline => Set<TimelineEntry>();
    public DbSet<AppealCoUnit> AppealCoUnits => Set<AppealCoUnit>();
    public DbSet<Unit> Units => Set<Unit>();
    public DbSet<Category> Categories => Set<Category>();
    public DbSet<User> Users => Set<User>();
    public DbSet<AuditEntry> AuditLog => Set<AuditEntry>();
    public DbSet<AccessLogEntry> AccessLog => Set<AccessLogEntry>();
    public DbSet<DataProtectionKeyRow> DataProtectionKeys => Set<DataProtectionKeyRow>();
    public DbSet<TimeLimitPolicy> Policies => Set<TimeLimitPolicy>();
    public DbSet<SettingRow> Settings => Set<SettingRow>();
    public DbSet<CalendarDayRow> CalendarDays => Set<CalendarDayRow>();
    public DbSet<Notification> Notifications => Set<Notification>();
    public DbSet<AccountabilityLead> Leads => Set<AccountabilityLead>();
    public DbSet<SupervisionOrder> SupervisionOrders => Set<SupervisionOrder>();
    public DbSet<TriageModelRow> TriageModels => Set<TriageModelRow>();
    public DbSet<RoutingRuleRow> RoutingRules => Set<RoutingRuleRow>();
    public DbSet<GazetteerRow> Gazetteer => Set<GazetteerRow>();

    public bool IsSqlite => Database.ProviderName == "Microsoft.EntityFrameworkCore.Sqlite";

    protected override void OnModelCreating(ModelBuilder b)
    {
        b.Entity<Appeal>(e =>
        {
            e.ToTable("appeals");
            e.Property(a => a.Version).IsConcurrencyToken();
            e.HasMany(a => a.Timeline).WithOne().HasForeignKey(t => t.AppealId);
            e.HasMany(a => a.CoUnits).WithOne().HasForeignKey(c => c.AppealId);
            e.HasMany(a => a.Attachments).WithOne().HasForeignKey(x => x.AppealId);
            e.Navigation(a => a.Timeline).HasField("_timeline");
            e.Navigation(a => a.CoUnits).HasField("_coUnits");
            e.Navigation(a => a.Attachments).HasField("_attachments");
            e.HasIndex(a => a.Number).IsUnique();
        });
        b.Entity<TimelineEntry>().ToTable("timeline_entries");
        b.Entity<AppealCoUnit>(e =>
        {
            e.ToTable("appeal_co_units");
            e.HasKey(c => new { c.AppealId, c.UnitId });
        });
        b.Entity<Attachment>().ToTable("attachments");
        b.Entity<Unit>().ToTable("units");
        b.Entity<Category>().ToTable("categories");
        b.Entity<User>().ToTable("users");
        b.Entity<AuditEntry>().ToTable("audit_log");
        b.Entity<AccessLogEntry>().ToTable("access_log");
        b.Entity<DataProtectionKeyRow>().ToTable("data_protection_keys");
        b.Entity<TimeLimitPolicy>().ToTable("time_limit_policies");
        b.Entity<SettingRow>(e => { e.ToTable("settings"); e.HasKey(s => s.Key); });
        b.Entity<CalendarDayRow>(e => { e.ToTable("calendar_days"); e.HasKey(d => d.Date); });
        b.Entity<Notification>().ToTable("notifications");
        b.Entity<AccountabilityLead>(e =>
        {
            e.ToTable("accountability_leads");
            e.Property(l => l.Version).IsConcurrencyToken();
        });
        b.Entity<SupervisionOrder>().ToTable("supervision_orders");
        b.Entity<TriageModelRow>().ToTable("triage_models");
        b.Entity<RoutingRuleRow>().ToTable("routing_rules");
        b.Entity<GazetteerRow>().ToTable("gazetteer");
        // Features map their own tables next to their code (IEntityTypeConfiguration), read through Set<T>().
        b.ApplyConfigurationsFromAssembly(typeof(MinshengDb).Assembly);
        Features.Appeals.AppealTextSearch.Map(b, IsSqlite);

        var millis = new ValueConverter<DateTimeOffset, long>(d => d.ToUnixTimeMilliseconds(), v => DateTimeOffset.FromUnixTimeMilliseconds(v));
        // Npgsql writes timestamptz only from offset-zero values; deadlines come in China time (+08:00).
        var utc = new ValueConverter<DateTimeOffset, DateTimeOffset>(d => d.ToUniversalTime(), v => v);
        foreach (var entity in b.Model.GetEntityTypes())
        {
            foreach (var p in entity.GetProperties())
            {
                p.SetColumnName(SnakeCase(p.Name));
                var type = Nullable.GetUnderlyingType(p.ClrType) ?? p.ClrType;
                if (type.IsEnum) p.SetProviderClrType(typeof(string));
                if (type == typeof(DateTimeOffset)) p.SetValueConverter(IsSqlite ? millis : utc);
            }
        }
    }

    public static string SnakeCase(string name)
    {
        var sb = new StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c) && i > 0) sb.Append('_');
            sb.Append(char.ToLowerInvariant(c));
        }
        return sb.ToString();
    }
}
