using Platform.Application.Common.Messaging;

namespace Platform.Architecture.Tests.Canaries.Requests.Things.Commands.ListThings;

// Bad: a query filed under Commands.
public sealed record ListThingsQuery(int Page) : IQuery<int>;
