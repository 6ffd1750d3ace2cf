using System.Reflection;
using MediatR;
using Platform.Application.Common.Errors;
using Platform.Application.Common.Interfaces;
using Platform.Application.Common.Security;

namespace Platform.Application.Common.Behaviours;

/// <summary>
/// Requests need a signed-in caller unless marked <see cref="AllowAnonymousRequestAttribute"/>, and the roles named by
/// <see cref="RequiresRoleAttribute"/>. Runs before validation, so callers without access learn nothing from errors.
/// </summary>
internal sealed class AuthorizationBehaviour<TRequest, TResponse>(ICurrentUser currentUser) : IPipelineBehavior<TRequest, TResponse>
    where TRequest : IRequest<TResponse>
{
    private static readonly bool AllowsAnonymous = typeof(TRequest).GetCustomAttribute<AllowAnonymousRequestAttribute>() is not null;
    private static readonly RequiresRoleAttribute? Required = typeof(TRequest).GetCustomAttribute<RequiresRoleAttribute>();

    public Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        if (!AllowsAnonymous && !currentUser.IsAuthenticated)
        {
            throw new UnauthorizedException(ErrorCodes.AuthUnauthorized, "Sign in to use this operation.");
        }

        if (Required is not null && !Required.Roles.Any(currentUser.IsInRole))
        {
            throw new ForbiddenException(ErrorCodes.AuthForbidden, "Your role does not allow this operation.");
        }

        return next();
    }
}
