using Platform.Application.Common.Messaging;

namespace Platform.Architecture.Tests.Canaries.Requests.Common.Commands.PurgeThings;

// Bad: Common is shared, not a feature.
public sealed record PurgeThingsCommand : ICommand<int>;
