using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Options;
using Platform.Api.Http;
using Platform.Application.Common.Errors;
using Platform.Application.Common.Paging;
using Platform.Application.Common.Validation;
using Platform.Application.Identity;
using Platform.Application.Identity.Commands.ChangePassword;
using Platform.Application.Identity.Commands.IssueToken;
using Platform.Application.Identity.Commands.RefreshToken;
using Platform.Application.Identity.Commands.RegisterUser;
using Platform.Application.Identity.Queries.GetCurrentUser;
using Platform.Application.Identity.Commands.Logout;
using Platform.Application.Identity.Commands.RevokeOtherSessions;
using Platform.Application.Identity.Commands.RevokeSession;
using Platform.Application.Identity.Queries.ListSessions;
using Platform.Domain.Identity;
using Platform.Infrastructure.Identity;

namespace Platform.Api.Endpoints;

public sealed record ChangePasswordRequest(string? CurrentPassword, string? NewPassword);
