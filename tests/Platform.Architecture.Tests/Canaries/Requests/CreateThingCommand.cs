using Platform.Application.Common.Messaging;

namespace Platform.Architecture.Tests.Canaries.Requests.Things.Commands.CreateThing;

// Good.
public sealed record CreateThingCommand(string Name) : ICommand<int>;
