using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Options;
using Platform.Api.Http;
using Platform.Application.Common.Errors;
using Platform.Application.Common.Paging;
using Platform.Application.Common.Security;
using Platform.Application.Common.Validation;
using Platform.Application.Identity;
using Platform.Application.Identity.Commands.ChangePassword;
using Platform.Application.Identity.Commands.IssueToken;
using Platform.Application.Identity.Commands.RequestOneTimeCode;
using Platform.Application.Identity.Commands.VerifyOneTimeCode;
using Platform.Application.Identity.Commands.Logout;
using Platform.Application.Identity.Commands.RefreshToken;
using Platform.Application.Identity.Commands.RegisterUser;
using Platform.Application.Identity.Commands.RequestEmailChange;
using Platform.Application.Identity.Commands.RequestPasswordReset;
using Platform.Application.Identity.Commands.ResendEmailVerification;
using Platform.Application.Identity.Commands.ResetPassword;
using Platform.Application.Identity.Commands.VerifyEmail;
using Platform.Application.Identity.Commands.RevokeOtherSessions;
using Platform.Application.Identity.Commands.RevokeSession;
using Platform.Application.Identity.Queries.GetCurrentUser;
using Platform.Application.Identity.Queries.ListSessions;
using Platform.Domain.Identity;
using Platform.Infrastructure.Identity;

namespace Platform.Api.Endpoints;

/// <summary>Registration, sign-in, token refresh, sessions, the current user and the public signing keys.</summary>
internal static class AuthEndpoints
{
    public static void MapAuthEndpoints(this IEndpointRouteBuilder app)
    {
        var auth = app.MapGroup("/api/v1/auth").WithTags("Auth");
        auth.MapPost("/register", Register).WithName(nameof(Register)).RequireAuthRateLimit().AllowAnonymous()
            .Produces<UserDto>(StatusCodes.Status201Created).Produces<UserDto>().ApiProblems(400, 409, 413, 415, 422, 429);
        auth.MapPost("/token", IssueToken).WithName(nameof(IssueToken)).RequireAuthRateLimit(AccountOf).AllowAnonymous().SendsTokens()
            .ApiProblems(400, 401, 403, 415, 429);
        auth.MapPost("/otp/request", RequestOneTimeCode).WithName(nameof(RequestOneTimeCode)).RequireAuthRateLimit(AccountOfCodeRequest).AllowAnonymous()
            .Produces<OneTimeCodeAcceptedDto>(StatusCodes.Status202Accepted).ApiProblems(400, 415, 429);
        auth.MapPost("/otp/verify", VerifyOneTimeCode).WithName(nameof(VerifyOneTimeCode)).RequireAuthRateLimit(AccountOfCodeVerify).AllowAnonymous().SendsTokens()
            .Produces<TokenDto>().ApiProblems(400, 401, 403, 415, 429);
        auth.MapPost("/refresh", Refresh).WithName(nameof(Refresh)).RequireAuthRateLimit().AllowAnonymous().SendsTokens()
            .Produces<TokenDto>().ApiProblems(400, 401, 403, 415, 429);
        auth.MapPost("/logout", Logout).WithName(nameof(Logout)).RequireAuthorization().ApiProblems(400, 401, 409, 422, 429);
        auth.MapPost("/password", ChangePassword).WithName(nameof(ChangePassword)).RequireAuthorization().RequireAuthRateLimit(UserOf)
            .ApiProblems(400, 401, 409, 415, 422, 429);
        auth.MapPost("/email/verify", VerifyEmail).WithName(nameof(VerifyEmail)).RequireAuthRateLimit().AllowAnonymous()
            .Produces<UserDto>().ApiProblems(400, 409, 415, 422, 429);
        auth.MapPost("/email/verify/resend", ResendEmailVerification).WithName(nameof(ResendEmailVerification)).RequireAuthRateLimit(AccountOfEmailRequest).AllowAnonymous()
            .Produces<AccountMailAcceptedDto>(StatusCodes.Status202Accepted).ApiProblems(400, 415, 429);
        auth.MapPost("/password/forgot", ForgotPassword).WithName(nameof(ForgotPassword)).RequireAuthRateLimit(AccountOfEmailRequest).AllowAnonymous()
            .Produces<AccountMailAcceptedDto>(StatusCodes.Status202Accepted).ApiProblems(400, 415, 429);
        auth.MapPost("/password/reset", ResetPassword).WithName(nameof(ResetPassword)).RequireAuthRateLimit().AllowAnonymous()
            .Produces<RevocationResultDto>().ApiProblems(400, 409, 415, 422, 429);
        auth.MapGet("/sessions", ListSessions).WithName(nameof(ListSessions)).RequireAuthorization()
            .Produces<Page<SessionDto>>().Produces(StatusCodes.Status304NotModified).ApiProblems(400, 401, 429);
        auth.MapPost("/sessions/revoke-others", RevokeOtherSessions).WithName(nameof(RevokeOtherSessions)).RequireAuthorization()
            .ApiProblems(400, 401, 409, 422, 429);
        auth.MapPost("/sessions/{id:guid}/revoke", RevokeSession).WithName(nameof(RevokeSession)).RequireAuthorization()
            .ApiProblems(400, 401, 404, 409, 422, 429);

        app.MapPost("/api/v1/me/email", ChangeEmail).WithName(nameof(ChangeEmail)).WithTags("Auth").RequireAuthorization().RequireAuthRateLimit(UserOf)
            .Produces<AccountMailAcceptedDto>(StatusCodes.Status202Accepted).ApiProblems(400, 401, 409, 415, 422, 429);
        app.MapGet("/api/v1/me", GetMe).WithName(nameof(GetMe)).WithTags("Auth").RequireAuthorization().ApiProblems(401);
        app.MapGet("/.well-known/jwks.json", Jwks).WithName(nameof(Jwks)).WithTags("Auth").AllowAnonymous();
    }

    /// <summary>The account a sign-in aims at (its normalised email), for the per-account limit.</summary>
    private static string? AccountOf(EndpointFilterInvocationContext context) =>
        Account(context.Arguments.OfType<TokenRequest>().FirstOrDefault()?.Email);

    private static string? AccountOfCodeRequest(EndpointFilterInvocationContext context) =>
        Account(context.Arguments.OfType<OneTimeCodeRequest>().FirstOrDefault()?.Email);

    private static string? AccountOfCodeVerify(EndpointFilterInvocationContext context) =>
        Account(context.Arguments.OfType<OneTimeCodeVerifyRequest>().FirstOrDefault()?.Email);

    private static string? AccountOfEmailRequest(EndpointFilterInvocationContext context) =>
        Account(context.Arguments.OfType<EmailRequest>().FirstOrDefault()?.Email);

    /// <summary>The rate-limit key of the account a sign-in request names: its normalized email, when it is one.</summary>
    private static string? Account(string? email) =>
        email is not null && email.Length <= 320 && !TextRules.HasControlCharacters(email) ? EmailAddress.Normalize(email) : null;

    private static string? UserOf(EndpointFilterInvocationContext context) => context.HttpContext.User.FindFirst(PlatformClaims.Subject)?.Value;

    /// <summary>The session of the caller's access token (its <c>sid</c> claim).</summary>
    private static Guid? SessionOf(HttpContext context) => Guid.TryParse(context.User.FindFirst(PlatformClaims.Session)?.Value, out var id) ? id : null;

    public static async Task<IResult> Register(RegisterRequest request, HttpContext context, IMediator mediator)
    {
        var user = await mediator.Send(
            new RegisterUserCommand(request.Email ?? string.Empty, request.Password ?? string.Empty, request.DisplayName ?? string.Empty, IdempotencyHttp.Key(context)),
            context.RequestAborted);
        return IdempotencyHttp.Created(context, "/api/v1/me", user);
    }

    public static async Task<Ok<TokenDto>> IssueToken(TokenRequest request, HttpContext context, IMediator mediator)
    {
        var userAgent = context.Request.Headers.UserAgent.ToString();
        var tokens = await mediator.Send(
            new IssueTokenCommand(request.Email ?? string.Empty, request.Password ?? string.Empty, request.DeviceName, userAgent.Length == 0 ? null : userAgent),
            context.RequestAborted);
        return TypedResults.Ok(request.UseCookie == true ? RefreshCookie.Set(context, tokens) : tokens);
    }

    /// <summary>Always 202 with the same body: whether a code was mailed is never revealed.</summary>
    public static async Task<IResult> RequestOneTimeCode(OneTimeCodeRequest request, HttpContext context, IMediator mediator)
    {
        var accepted = await mediator.Send(new RequestOneTimeCodeCommand(request.Email ?? string.Empty), context.RequestAborted);
        return TypedResults.Json(accepted, statusCode: StatusCodes.Status202Accepted);
    }

    public static async Task<Ok<TokenDto>> VerifyOneTimeCode(OneTimeCodeVerifyRequest request, HttpContext context, IMediator mediator)
    {
        var userAgent = context.Request.Headers.UserAgent.ToString();
        var tokens = await mediator.Send(
            new VerifyOneTimeCodeCommand(request.Email ?? string.Empty, request.Code ?? string.Empty, request.DeviceName, userAgent.Length == 0 ? null : userAgent),
            context.RequestAborted);
        return TypedResults.Ok(request.UseCookie == true ? RefreshCookie.Set(context, tokens) : tokens);
    }

    public static async Task<IResult> VerifyEmail(TokenOnlyRequest request, HttpContext context, IMediator mediator) =>
        IdempotencyHttp.Ok(context, await mediator.Send(new VerifyEmailCommand(request.Token ?? string.Empty, IdempotencyHttp.Key(context)), context.RequestAborted));

    /// <summary>Always 202 with the same body: whether a mail was sent is never revealed.</summary>
    public static async Task<IResult> ResendEmailVerification(EmailRequest request, HttpContext context, IMediator mediator) =>
        TypedResults.Json(
            await mediator.Send(new ResendEmailVerificationCommand(request.Email ?? string.Empty), context.RequestAborted),
            statusCode: StatusCodes.Status202Accepted);

    /// <summary>Always 202 with the same body: whether a mail was sent is never revealed.</summary>
    public static async Task<IResult> ForgotPassword(EmailRequest request, HttpContext context, IMediator mediator) =>
        TypedResults.Json(
            await mediator.Send(new RequestPasswordResetCommand(request.Email ?? string.Empty), context.RequestAborted),
            statusCode: StatusCodes.Status202Accepted);

    public static async Task<IResult> ResetPassword(ResetPasswordRequest request, HttpContext context, IMediator mediator) =>
        IdempotencyHttp.Ok(
            context,
            await mediator.Send(
                new ResetPasswordCommand(request.Token ?? string.Empty, request.NewPassword ?? string.Empty, IdempotencyHttp.Key(context)),
                context.RequestAborted));

    public static async Task<IResult> ChangeEmail(ChangeEmailRequest request, HttpContext context, IMediator mediator)
    {
        var accepted = await mediator.Send(
            new RequestEmailChangeCommand(request.NewEmail ?? string.Empty, request.CurrentPassword ?? string.Empty, IdempotencyHttp.Key(context)),
            context.RequestAborted);
        IdempotencyHttp.Replayed(context);
        return TypedResults.Json(accepted, statusCode: StatusCodes.Status202Accepted);
    }

    /// <summary>
    /// Rotates a refresh token from the body, or (browser cookie mode) from the cookie, which also needs the CSRF
    /// header: a cross-site form can send the cookie but cannot add a header.
    /// </summary>
    public static async Task<IResult> Refresh(
        [FromBody(EmptyBodyBehavior = EmptyBodyBehavior.Allow)] RefreshRequest? request,
        HttpContext context,
        IMediator mediator)
    {
        var token = request?.RefreshToken;
        var fromCookie = string.IsNullOrEmpty(token) && RefreshCookie.Read(context) is not null;
        if (fromCookie)
        {
            if (!RefreshCookie.HasCsrfHeader(context))
            {
                throw new ForbiddenException(IdentityErrorCodes.CsrfRequired, $"A refresh from the cookie needs the header {RefreshCookie.CsrfHeader}: 1.");
            }

            token = RefreshCookie.Read(context);
        }

        var outcome = await mediator.Send(new RefreshTokenCommand(token ?? string.Empty), context.RequestAborted);
        if (outcome.Failure is { } failure)
        {
            if (!fromCookie)
            {
                throw failure;
            }

            // Written here rather than thrown: the exception handler would drop the cookie-clearing header.
            RefreshCookie.Clear(context);
            await Problems.WriteAsync(context, StatusCodes.Status401Unauthorized, failure.Code, "Unauthorized", failure.Message);
            return TypedResults.Empty;
        }

        return TypedResults.Ok(fromCookie ? RefreshCookie.Set(context, outcome.Tokens!) : outcome.Tokens!);
    }

    public static async Task<Ok<RevocationResultDto>> Logout(HttpContext context, IMediator mediator)
    {
        var result = await mediator.Send(new LogoutCommand(SessionOf(context), IdempotencyHttp.Key(context)), context.RequestAborted);
        if (RefreshCookie.Read(context) is not null)
        {
            RefreshCookie.Clear(context);
        }

        IdempotencyHttp.Replayed(context);
        return TypedResults.Ok(result);
    }

    public static async Task<IResult> ChangePassword(ChangePasswordRequest request, HttpContext context, IMediator mediator) =>
        IdempotencyHttp.Ok(
            context,
            await mediator.Send(
                new ChangePasswordCommand(request.CurrentPassword ?? string.Empty, request.NewPassword ?? string.Empty, IdempotencyHttp.Key(context)),
                context.RequestAborted));

    public static async Task<IResult> ListSessions(
        HttpContext context,
        IMediator mediator,
        int? page,
        [FromQuery(Name = "page_size")] int? pageSize,
        string? cursor)
    {
        var result = await mediator.Send(new ListSessionsQuery(page, pageSize ?? PagingDefaults.PageSize, cursor), context.RequestAborted);
        Paging.AddNextLink(context, result.NextCursor);
        return ETags.Json(context, result);
    }

    public static async Task<IResult> RevokeOtherSessions(HttpContext context, IMediator mediator) =>
        IdempotencyHttp.Ok(context, await mediator.Send(new RevokeOtherSessionsCommand(SessionOf(context), IdempotencyHttp.Key(context)), context.RequestAborted));

    public static async Task<IResult> RevokeSession(Guid id, HttpContext context, IMediator mediator) =>
        IdempotencyHttp.Ok(context, await mediator.Send(new RevokeSessionCommand(id, IdempotencyHttp.Key(context)), context.RequestAborted));

    public static async Task<Ok<UserDto>> GetMe(IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new GetCurrentUserQuery(), cancellationToken));

    /// <summary>The public keys that verify access tokens (RFC 7517), cacheable for five minutes.</summary>
    public static IResult Jwks(HttpContext context, SigningKeyRing keys)
    {
        context.Response.Headers.CacheControl = "public, max-age=300";
        return TypedResults.Content(keys.Jwks, "application/json");
    }
}
