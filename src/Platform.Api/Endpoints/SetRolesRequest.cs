using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Http.HttpResults;
using Platform.Application.Auditing;
using Platform.Application.Auditing.Queries.ListAuditEntries;
using Platform.Application.Common.Paging;
using Platform.Application.Identity;
using Platform.Application.Identity.Commands.DisableUser;
using Platform.Application.Identity.Commands.EnableUser;
using Platform.Application.Identity.Commands.RevokeUserSessions;
using Platform.Application.Identity.Commands.SetUserRoles;
using Platform.Application.Identity.Queries.ListUsers;
using Platform.Application.Outbox;
using Platform.Application.Outbox.Commands.RetryOutboxMessage;
using Platform.Application.Outbox.Queries.ListOutboxMessages;
using Platform.Api.Http;

namespace Platform.Api.Endpoints;

public sealed record SetRolesRequest(IReadOnlyList<string>? Roles);
