using Platform.Application.Common.Messaging;

namespace Platform.Architecture.Tests.Canaries.Requests.Things.Commands.RenameThing;

// Bad: a class, not a record.
public sealed class RenameThingCommand : ICommand<int>
{
    public string Name { get; init; } = string.Empty;
}
