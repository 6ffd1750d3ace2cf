using Platform.Application.Common.Messaging;

namespace Platform.Application.Identity.Queries.GetCurrentUser;

public sealed record GetCurrentUserQuery : IQuery<UserDto>;
