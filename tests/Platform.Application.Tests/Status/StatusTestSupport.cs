using Npgsql;
using NUnit.Framework;
using Platform.Application.Common.Errors;
using Platform.Application.Status;
using Platform.Application.Status.Commands.AddIncidentUpdate;
using Platform.Application.Status.Commands.CreateIncident;
using Platform.Application.Status.Commands.CreateMonitoredService;
using Platform.Application.Status.Commands.RecordStatusEvent;
using Platform.Application.Status.Commands.RunDueMaintenances;
using Platform.Application.Status.Commands.ScheduleMaintenance;
using Platform.Application.Status.Queries.GetMonitoredService;
using Platform.Domain.Common;
using Platform.Domain.Status;
using Platform.Testing;

namespace Platform.Application.Tests.Status;

/// <summary>Short ways to set up status-page data through the real commands, and to look at what was stored.</summary>
internal static class StatusTestSupport
{
    public static Task<MonitoredServiceDto> CreateServiceAsync(
        this ApplicationTestHost app, TestUser admin, string slug, string? name = null, string? group = null, int? displayOrder = null) =>
        app.SendAsync(new CreateMonitoredServiceCommand(slug, name ?? slug, Group: group, DisplayOrder: displayOrder), admin);

    public static Task<StatusEventDto> RecordAsync(
        this ApplicationTestHost app, TestUser user, Guid serviceId, string status, string? message = null, DateTimeOffset? occurredAt = null) =>
        app.SendAsync(new RecordStatusEventCommand(serviceId, status, message, occurredAt), user);

    public static async Task<ServiceStatus> StatusOfAsync(this ApplicationTestHost app, Guid serviceId) =>
        (await app.SendAsync(new GetMonitoredServiceQuery(serviceId))).Status;

    public static Task<IncidentDto> OpenIncidentAsync(
        this ApplicationTestHost app, TestUser user, string title, IReadOnlyList<Guid> services, string? serviceStatus = null, string message = "Looking into it.") =>
        app.SendAsync(new CreateIncidentCommand(title, "investigating", "major", services, message, serviceStatus), user);

    public static Task<IncidentDto> ResolveAsync(this ApplicationTestHost app, TestUser user, Guid incidentId, string? serviceStatus = null) =>
        app.SendAsync(new AddIncidentUpdateCommand(incidentId, "resolved", "Fixed.", serviceStatus), user);

    public static Task<MaintenanceDto> ScheduleAsync(
        this ApplicationTestHost app, TestUser user, string title, DateTimeOffset startsAt, DateTimeOffset endsAt, params Guid[] services) =>
        app.SendAsync(new ScheduleMaintenanceCommand(title, startsAt, endsAt, services), user);

    /// <summary>One run of the maintenance job, as Quartz sends it (no user).</summary>
    public static Task<int> RunMaintenanceJobAsync(this ApplicationTestHost app) => app.SendAsync(new RunDueMaintenancesCommand());

    public static async Task<T?> ScalarAsync<T>(this TestDatabase database, string sql, params object[] parameters)
    {
        await using var command = database.DataSource.CreateCommand(sql);
        foreach (var value in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        }

        var result = await command.ExecuteScalarAsync();
        return result is null or DBNull ? default : (T)result;
    }

    /// <summary>Audit rows of one action, optionally for one resource.</summary>
    public static Task<long> AuditCountAsync(this TestDatabase database, string action, Guid? resourceId = null) =>
        database.CountAsync("audit_log", resourceId is null ? $"action = '{action}'" : $"action = '{action}' AND resource_id = '{resourceId}'");

    public static Task<long> EventCountAsync(this TestDatabase database, Guid serviceId, string? status = null) =>
        database.CountAsync("status_events", status is null ? $"service_id = '{serviceId}'" : $"service_id = '{serviceId}' AND status = '{status}'");

    /// <summary>
    /// Asserts the call is refused as invalid input on <paramref name="field"/>, which the API answers with 400
    /// <c>validation.failed</c> naming the field: either the validators' exception or a domain rule's.
    /// </summary>
    public static void AssertInvalid(AsyncTestDelegate call, string field)
    {
        var thrown = Assert.CatchAsync(call);
        switch (thrown)
        {
            case RequestValidationException validation:
                Assert.That(validation.Errors.Keys, Does.Contain(field));
                break;
            case DomainException domain:
                Assert.Multiple(() =>
                {
                    Assert.That(domain.Kind, Is.EqualTo(DomainErrorKind.Invalid), domain.Code);
                    Assert.That(domain.Field, Is.EqualTo(field));
                });
                break;
            default:
                Assert.Fail($"Expected a validation failure on {field}, got {thrown?.GetType().Name}: {thrown?.Message}");
                break;
        }
    }
}
