using System.Text.Json;
using System.Text.RegularExpressions;
using Mapster;
using Platform.Application.Common.Mapping;
using MapsterMapper;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NUnit.Framework;
using Platform.Application.Auditing;
using Platform.Application.Common.Messaging;
using Platform.Application.Identity;
using Platform.Application.Status;
using Platform.Application.Tests.Status;
using Platform.Application.Tickets;
using Platform.Application.Tickets.Commands.AddTicketComment;
using Platform.Application.Tickets.Commands.CreateTicket;
using Platform.Infrastructure.Persistence;

namespace Platform.Application.Tests.Persistence;

/// <summary>
/// The queries project to DTOs in SQL with Mapster (<c>ProjectToDto</c> over the Mapster maps, ADR 0019): EF Core reads the DTO's columns,
/// not whole entities, and a projected DTO is the same on the wire as the same entity mapped in memory.
/// </summary>
public sealed partial class ProjectionSqlTests : ApplicationTestBase
{
    [Test]
    public async Task Projections_select_only_the_columns_their_dtos_show()
    {
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var config = scope.ServiceProvider.GetRequiredService<IMapper>().Config;

        var cases = new Dictionary<string, (string Sql, string[] Columns)>
        {
            // No password_hash, normalized_email or updated_at: the whole row is never read.
            ["users"] = (db.Users.ProjectToDto<UserDto>(config).ToQueryString(), ["id", "email", "email_verified_at", "display_name", "roles", "created_at", "disabled_at"]),
            ["tickets"] = (db.Tickets.ProjectToDto<TicketDto>(config).ToQueryString(),
                ["id", "subject", "body", "priority", "status", "requester_id", "assignee_id", "created_at", "updated_at", "version"]),
            ["ticket comments"] = (db.TicketComments.ProjectToDto<TicketCommentDto>(config).ToQueryString(), ["id", "ticket_id", "author_id", "body", "created_at"]),
            // No seq or created_by.
            ["status events"] = (db.StatusEvents.ProjectToDto<StatusEventDto>(config).ToQueryString(),
                ["id", "service_id", "status", "message", "occurred_at", "created_at"]),
            ["maintenances"] = (db.Maintenances.ProjectToDto<MaintenanceDto>(config).ToQueryString(),
                ["id", "title", "description", "starts_at", "ends_at", "affected_service_ids", "status", "started_at", "completed_at", "created_at", "updated_at", "version"]),
            ["audit"] = (db.AuditEntries.ProjectToDto<AuditEntryDto>(config).ToQueryString(),
                ["id", "occurred_at", "actor_id", "actor_ip", "action", "resource_type", "resource_id", "outcome", "request_id", "trace_id", "changes"]),
            // Never the sealed secrets: a read of an endpoint does not even fetch them.
            ["webhook endpoints"] = (db.WebhookEndpoints.ProjectToDto<Platform.Application.Webhooks.WebhookEndpointDto>(config).ToQueryString(),
                ["id", "url", "description", "event_types", "enabled", "disabled_reason", "disabled_at", "failing_since", "secret_rotated_at", "previous_secret_expires_at", "created_at", "updated_at", "version"]),
        };

        using (Assert.EnterMultipleScope())
        {
            foreach (var (name, (sql, columns)) in cases)
            {
                Assert.That(SelectedColumns(sql), Is.EquivalentTo(columns), $"{name}:\n{sql}");
            }
        }
    }

    [Test]
    public async Task Projected_dtos_equal_the_same_entities_mapped_in_memory()
    {
        var customer = await CustomerAsync();
        var admin = await AdminAsync();
        var ticket = await App.SendAsync(new CreateTicketCommand("Printer", "On fire", "urgent"), customer);
        await App.SendAsync(new AddTicketCommentCommand(ticket.Id, "Still on fire"), customer);
        var service = await App.CreateServiceAsync(admin, "api");
        await App.RecordAsync(admin, service.Id, "degraded_performance", "Slow");
        var now = App.Clock.GetUtcNow();
        await App.ScheduleAsync(admin, "Upgrade", now.AddHours(1), now.AddHours(2), service.Id);

        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var mapper = scope.ServiceProvider.GetRequiredService<IMapper>();

        async Task<(string Projected, string Mapped)> BothAsync<TEntity, TDto>(IQueryable<TEntity> set, Func<TDto, Guid> id)
        {
            var projected = await set.ProjectToDto<TDto>(mapper.Config).ToListAsync();
            var mapped = (await set.ToListAsync()).Select(e => mapper.Map<TDto>(e!));
            return (Wire(projected.OrderBy(id)), Wire(mapped.OrderBy(id)));
        }

        var results = new Dictionary<string, (string Projected, string Mapped)>
        {
            ["users"] = await BothAsync<Domain.Identity.User, UserDto>(db.Users.AsNoTracking(), d => d.Id),
            ["tickets"] = await BothAsync<Domain.Tickets.Ticket, TicketDto>(db.Tickets.AsNoTracking(), d => d.Id),
            ["ticket comments"] = await BothAsync<Domain.Tickets.TicketComment, TicketCommentDto>(db.TicketComments.AsNoTracking(), d => d.Id),
            ["status events"] = await BothAsync<Domain.Status.StatusEvent, StatusEventDto>(db.StatusEvents.AsNoTracking(), d => d.Id),
            ["maintenances"] = await BothAsync<Domain.Status.ScheduledMaintenance, MaintenanceDto>(db.Maintenances.AsNoTracking(), d => d.Id),
            ["audit"] = await BothAsync<Platform.Application.Common.Auditing.AuditEntry, AuditEntryDto>(db.AuditEntries.AsNoTracking(), d => d.Id),
        };

        using (Assert.EnterMultipleScope())
        {
            foreach (var (name, (projected, mapped)) in results)
            {
                Assert.That(projected, Is.Not.EqualTo("[]"), $"{name}: nothing was seeded, the comparison would pass vacuously");
                Assert.That(projected, Is.EqualTo(mapped), name);
            }

            Assert.That(results["tickets"].Projected, Does.Contain("\"priority\":\"urgent\"").And.Contain("\"status\":\"open\""));
            Assert.That(results["status events"].Projected, Does.Contain("\"status\":\"degraded_performance\""));
        }
    }

    private static string Wire<T>(IEnumerable<T> items) => JsonSerializer.Serialize(items.ToList(), ApplicationJson.Options);

    /// <summary>The column names read by the outermost SELECT (between SELECT and its FROM).</summary>
    private static string[] SelectedColumns(string sql)
    {
        var select = sql[(sql.IndexOf("SELECT ", StringComparison.Ordinal) + 7)..sql.IndexOf("\nFROM ", StringComparison.Ordinal)];
        return [.. ColumnReference().Matches(select).Select(m => m.Groups[1].Value).Distinct(StringComparer.Ordinal)];
    }

    [GeneratedRegex("""\b[a-z][a-z0-9_]*\."?([a-z_][a-z0-9_]*)"?""")]
    private static partial Regex ColumnReference();
}
