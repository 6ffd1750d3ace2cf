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

public sealed record RecordStatusEventRequest(string? Status, string? Message, DateTimeOffset? OccurredAt);
