using Platform.Application.Common.Messaging;
using Platform.Application.Common.Security;

namespace Platform.Application.Identity.Commands.RecordFailedSignIn;

/// <summary>
/// The audit row of a refused sign-in, written in its own transaction by <c>IssueTokenCommandHandler</c> before it
/// answers with the refusal (a failed command writes nothing, so the refusal cannot write its own row). Not an HTTP
/// operation of its own.
/// </summary>
[AllowAnonymousRequest]
internal sealed record RecordFailedSignInCommand(string NormalizedEmail, Guid? UserId, string Reason, int? ConsecutiveFailures) : ICommand<bool>;
