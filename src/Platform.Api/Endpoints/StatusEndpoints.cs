using MediatR;
using Microsoft.AspNetCore.Mvc;
using Platform.Api.Http;
using Platform.Api.StatusPage;
using Platform.Application.Common.Messaging;
using Platform.Application.Common.Paging;
using Platform.Application.Status;
using Platform.Application.Status.Commands.AddIncidentUpdate;
using Platform.Application.Status.Commands.CreateIncident;
using Platform.Application.Status.Commands.CreateMonitoredService;
using Platform.Application.Status.Commands.DeleteMonitoredService;
using Platform.Application.Status.Commands.RecordStatusEvent;
using Platform.Application.Status.Commands.ScheduleMaintenance;
using Platform.Application.Status.Commands.UpdateMonitoredService;
using Platform.Application.Status.Queries.GetIncident;
using Platform.Application.Status.Queries.GetMaintenance;
using Platform.Application.Status.Queries.GetServiceUptime;
using Platform.Application.Status.Queries.GetStatusEvent;
using Platform.Application.Status.Queries.GetMonitoredService;
using Platform.Application.Status.Queries.ListIncidents;
using Platform.Application.Status.Queries.ListMaintenances;
using Platform.Application.Status.Queries.ListStatusEvents;
using Platform.Application.Status.Queries.ListMonitoredServices;

namespace Platform.Api.Endpoints;

/// <summary>The services, their status events, incidents and maintenance: staff write, everyone reads.</summary>
internal static class StatusEndpoints
{
    public static void MapStatusEndpoints(this IEndpointRouteBuilder app)
    {
        var status = app.MapGroup("/api/v1/status").WithTags("Status");

        status.MapPost("/services", CreateService).WithName(nameof(CreateService)).RequireAuthorization()
            .Produces<MonitoredServiceDto>(StatusCodes.Status201Created).Produces<MonitoredServiceDto>().ApiProblems(400, 401, 403, 409, 413, 415, 422);
        status.MapGet("/services", ListServices).WithName(nameof(ListServices)).AllowAnonymous()
            .Produces<ItemsDto<MonitoredServiceDto>>().Produces(StatusCodes.Status304NotModified).ApiProblems(429);
        status.MapGet("/services/{id:guid}", GetService).WithName(nameof(GetService)).AllowAnonymous()
            .Produces<MonitoredServiceDto>().Produces(StatusCodes.Status304NotModified).ApiProblems(404, 429);
        status.MapPatch("/services/{id:guid}", UpdateService).WithName(nameof(UpdateService)).RequireAuthorization()
            .Accepts<UpdateMonitoredServiceRequest>("application/merge-patch+json", "application/json")
            .Produces<MonitoredServiceDto>().ApiProblems(400, 401, 403, 404, 409, 412, 413, 415, 422);
        status.MapDelete("/services/{id:guid}", DeleteService).WithName(nameof(DeleteService)).RequireAuthorization()
            .Produces(StatusCodes.Status204NoContent).ApiProblems(401, 403, 404, 409);

        status.MapPost("/services/{id:guid}/events", RecordEvent).WithName(nameof(RecordEvent)).RequireAuthorization()
            .Produces<StatusEventDto>(StatusCodes.Status201Created).Produces<StatusEventDto>().ApiProblems(400, 401, 403, 404, 409, 413, 415, 422);
        status.MapGet("/services/{id:guid}/events", ListEvents).WithName(nameof(ListEvents)).AllowAnonymous()
            .Produces<Page<StatusEventDto>>().Produces(StatusCodes.Status304NotModified).ApiProblems(400, 404, 429);
        status.MapGet("/services/{id:guid}/events/{eventId:guid}", GetEvent).WithName(nameof(GetEvent)).AllowAnonymous()
            .Produces<StatusEventDto>().Produces(StatusCodes.Status304NotModified).ApiProblems(404, 429);
        status.MapGet("/services/{slug}/uptime", GetUptime).WithName(nameof(GetUptime)).AllowAnonymous()
            .Produces<ServiceUptimeDto>().Produces(StatusCodes.Status304NotModified).ApiProblems(400, 404, 429);

        status.MapPost("/incidents", CreateIncident).WithName(nameof(CreateIncident)).RequireAuthorization()
            .Produces<IncidentDto>(StatusCodes.Status201Created).Produces<IncidentDto>().ApiProblems(400, 401, 403, 409, 413, 415, 422);
        status.MapGet("/incidents", ListIncidents).WithName(nameof(ListIncidents)).AllowAnonymous()
            .Produces<Page<IncidentDto>>().Produces(StatusCodes.Status304NotModified).ApiProblems(400, 429);
        status.MapGet("/incidents/{id:guid}", GetIncident).WithName(nameof(GetIncident)).AllowAnonymous()
            .Produces<IncidentDto>().Produces(StatusCodes.Status304NotModified).ApiProblems(404, 429);
        status.MapPost("/incidents/{id:guid}/updates", AddIncidentUpdate).WithName(nameof(AddIncidentUpdate)).RequireAuthorization()
            .Produces<IncidentDto>(StatusCodes.Status201Created).Produces<IncidentDto>().ApiProblems(400, 401, 403, 404, 409, 413, 415, 422);

        status.MapPost("/maintenances", ScheduleMaintenance).WithName(nameof(ScheduleMaintenance)).RequireAuthorization()
            .Produces<MaintenanceDto>(StatusCodes.Status201Created).Produces<MaintenanceDto>().ApiProblems(400, 401, 403, 409, 413, 415, 422);
        status.MapGet("/maintenances", ListMaintenances).WithName(nameof(ListMaintenances)).AllowAnonymous()
            .Produces<Page<MaintenanceDto>>().Produces(StatusCodes.Status304NotModified).ApiProblems(400, 429);
        status.MapGet("/maintenances/{id:guid}", GetMaintenance).WithName(nameof(GetMaintenance)).AllowAnonymous()
            .Produces<MaintenanceDto>().Produces(StatusCodes.Status304NotModified).ApiProblems(404, 429);
    }

    public static async Task<IResult> CreateService(CreateMonitoredServiceRequest request, HttpContext context, IMediator mediator)
    {
        var service = await mediator.Send(
            new CreateMonitoredServiceCommand(request.Slug ?? string.Empty, request.Name ?? string.Empty, request.Description, request.Group, request.DisplayOrder, IdempotencyHttp.Key(context)),
            context.RequestAborted);
        return IdempotencyHttp.Created(context, $"/api/v1/status/services/{service.Id}", service, ETags.ForVersion(service.Version));
    }

    public static async Task<IResult> ListServices(HttpContext context, IMediator mediator) =>
        PublicRead.Json(context, new ItemsDto<MonitoredServiceDto>(await mediator.Send(new ListMonitoredServicesQuery(), context.RequestAborted)));

    public static async Task<IResult> GetService(Guid id, HttpContext context, IMediator mediator)
    {
        // The version ETag, as for tickets, so GET then PATCH with If-Match works. Status events move the version too,
        // so the ETag changes whenever the status shown does.
        var service = await mediator.Send(new GetMonitoredServiceQuery(id), context.RequestAborted);
        return PublicRead.Json(context, service, ETags.ForVersion(service.Version));
    }

    public static async Task<IResult> UpdateService(Guid id, UpdateMonitoredServiceRequest request, HttpContext context, IMediator mediator)
    {
        var service = await mediator.Send(
            new UpdateMonitoredServiceCommand(id, request.Slug, request.Name, request.Description, request.Group, request.DisplayOrder, ETags.AcceptedVersions(context.Request), IdempotencyHttp.Key(context)),
            context.RequestAborted);
        return IdempotencyHttp.Ok(context, service, ETags.ForVersion(service.Version));
    }

    public static async Task<IResult> DeleteService(Guid id, HttpContext context, IMediator mediator)
    {
        await mediator.Send(new DeleteMonitoredServiceCommand(id), context.RequestAborted);
        return TypedResults.NoContent();
    }

    public static async Task<IResult> RecordEvent(Guid id, RecordStatusEventRequest request, HttpContext context, IMediator mediator)
    {
        var recorded = await mediator.Send(
            new RecordStatusEventCommand(id, request.Status ?? string.Empty, request.Message, request.OccurredAt, IdempotencyHttp.Key(context)),
            context.RequestAborted);
        return IdempotencyHttp.Created(context, $"/api/v1/status/services/{id}/events/{recorded.Id}", recorded);
    }

    public static async Task<IResult> ListEvents(
        Guid id,
        HttpContext context,
        IMediator mediator,
        int? page,
        [FromQuery(Name = "page_size")] int? pageSize,
        string? cursor)
    {
        var result = await mediator.Send(new ListStatusEventsQuery(id, page, pageSize ?? PagingDefaults.PageSize, cursor), context.RequestAborted);
        Paging.AddNextLink(context, result.NextCursor);
        return PublicRead.Json(context, result);
    }

    public static async Task<IResult> GetEvent(Guid id, Guid eventId, HttpContext context, IMediator mediator) =>
        PublicRead.Json(context, await mediator.Send(new GetStatusEventQuery(id, eventId), context.RequestAborted));

    public static async Task<IResult> GetUptime(string slug, HttpContext context, IMediator mediator, int? days) =>
        PublicRead.Json(context, await mediator.Send(new GetServiceUptimeQuery(slug, days ?? 90), context.RequestAborted));

    public static async Task<IResult> CreateIncident(CreateIncidentRequest request, HttpContext context, IMediator mediator)
    {
        var incident = await mediator.Send(
            new CreateIncidentCommand(
                request.Title ?? string.Empty,
                request.Status ?? string.Empty,
                request.Impact ?? string.Empty,
                request.AffectedServiceIds!,
                request.Message ?? string.Empty,
                request.ServiceStatus,
                IdempotencyHttp.Key(context)),
            context.RequestAborted);
        return IdempotencyHttp.Created(context, $"/api/v1/status/incidents/{incident.Id}", incident, ETags.ForVersion(incident.Version));
    }

    public static async Task<IResult> AddIncidentUpdate(Guid id, AddIncidentUpdateRequest request, HttpContext context, IMediator mediator)
    {
        var incident = await mediator.Send(
            new AddIncidentUpdateCommand(id, request.Status ?? string.Empty, request.Message ?? string.Empty, request.ServiceStatus, IdempotencyHttp.Key(context)),
            context.RequestAborted);
        return IdempotencyHttp.Created(context, $"/api/v1/status/incidents/{incident.Id}", incident, ETags.ForVersion(incident.Version));
    }

    public static async Task<IResult> ListIncidents(
        HttpContext context,
        IMediator mediator,
        bool? unresolved,
        int? page,
        [FromQuery(Name = "page_size")] int? pageSize,
        string? cursor)
    {
        var result = await mediator.Send(new ListIncidentsQuery(unresolved, page, pageSize ?? PagingDefaults.PageSize, cursor), context.RequestAborted);
        Paging.AddNextLink(context, result.NextCursor);
        return PublicRead.Json(context, result);
    }

    public static async Task<IResult> GetIncident(Guid id, HttpContext context, IMediator mediator)
    {
        var incident = await mediator.Send(new GetIncidentQuery(id), context.RequestAborted);
        return PublicRead.Json(context, incident, ETags.ForVersion(incident.Version));
    }

    public static async Task<IResult> ScheduleMaintenance(ScheduleMaintenanceRequest request, HttpContext context, IMediator mediator)
    {
        var maintenance = await mediator.Send(
            new ScheduleMaintenanceCommand(
                request.Title ?? string.Empty,
                request.StartsAt?.ToUniversalTime(),
                request.EndsAt?.ToUniversalTime(),
                request.AffectedServiceIds ?? [],
                request.Description,
                IdempotencyHttp.Key(context)),
            context.RequestAborted);
        return IdempotencyHttp.Created(context, $"/api/v1/status/maintenances/{maintenance.Id}", maintenance, ETags.ForVersion(maintenance.Version));
    }

    public static async Task<IResult> ListMaintenances(
        HttpContext context,
        IMediator mediator,
        int? page,
        [FromQuery(Name = "page_size")] int? pageSize,
        string? cursor)
    {
        var result = await mediator.Send(new ListMaintenancesQuery(page, pageSize ?? PagingDefaults.PageSize, cursor), context.RequestAborted);
        Paging.AddNextLink(context, result.NextCursor);
        return PublicRead.Json(context, result);
    }

    public static async Task<IResult> GetMaintenance(Guid id, HttpContext context, IMediator mediator)
    {
        var maintenance = await mediator.Send(new GetMaintenanceQuery(id), context.RequestAborted);
        return PublicRead.Json(context, maintenance, ETags.ForVersion(maintenance.Version));
    }
}
