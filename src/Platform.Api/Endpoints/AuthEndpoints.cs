using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;
using Platform.Api.Http;
using Platform.Application.Identity;
using Platform.Application.Identity.Commands.IssueToken;
using Platform.Application.Identity.Commands.RefreshToken;
using Platform.Application.Identity.Commands.RegisterUser;
using Platform.Application.Identity.Queries.GetCurrentUser;
using Platform.Application.Common.Validation;
using Platform.Domain.Identity;

namespace Platform.Api.Endpoints;

public sealed record RegisterRequest(string? Email, string? Password, string? DisplayName);

public sealed record TokenRequest(string? Email, string? Password);

public sealed record RefreshRequest(string? RefreshToken);

/// <summary>Registration, sign-in, token refresh and the current user.</summary>
internal static class AuthEndpoints
{
    public static void MapAuthEndpoints(this IEndpointRouteBuilder app)
    {
        var auth = app.MapGroup("/api/v1/auth").WithTags("Auth");
        auth.MapPost("/register", Register).WithName(nameof(Register)).RequireAuthRateLimit().AllowAnonymous()
            .Produces<UserDto>(StatusCodes.Status201Created).Produces<UserDto>().ApiProblems(400, 409, 413, 415, 422, 429);
        auth.MapPost("/token", IssueToken).WithName(nameof(IssueToken)).RequireAuthRateLimit(AccountOf).AllowAnonymous()
            .ApiProblems(400, 401, 415, 429);
        auth.MapPost("/refresh", Refresh).WithName(nameof(Refresh)).RequireAuthRateLimit().AllowAnonymous()
            .ApiProblems(400, 401, 415, 429);

        app.MapGet("/api/v1/me", GetMe).WithName(nameof(GetMe)).WithTags("Auth").RequireAuthorization().ApiProblems(401);
    }

    /// <summary>The account a sign-in aims at (its normalised email), for the per-account limit.</summary>
    private static string? AccountOf(EndpointFilterInvocationContext context) =>
        context.Arguments.OfType<TokenRequest>().FirstOrDefault()?.Email is { } email && email.Length <= 320 && !TextRules.HasControlCharacters(email)
            ? EmailAddress.Normalize(email)
            : null;

    public static async Task<IResult> Register(RegisterRequest request, HttpContext context, IMediator mediator)
    {
        var user = await mediator.Send(
            new RegisterUserCommand(request.Email ?? string.Empty, request.Password ?? string.Empty, request.DisplayName ?? string.Empty, IdempotencyHttp.Key(context)),
            context.RequestAborted);
        return IdempotencyHttp.Created(context, "/api/v1/me", user);
    }

    public static async Task<Ok<TokenDto>> IssueToken(TokenRequest request, IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new IssueTokenCommand(request.Email ?? string.Empty, request.Password ?? string.Empty), cancellationToken));

    public static async Task<Ok<TokenDto>> Refresh(RefreshRequest request, IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new RefreshTokenCommand(request.RefreshToken ?? string.Empty), cancellationToken));

    public static async Task<Ok<UserDto>> GetMe(IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new GetCurrentUserQuery(), cancellationToken));
}
