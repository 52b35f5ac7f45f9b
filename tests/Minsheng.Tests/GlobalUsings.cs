global using System.Net.Http.Json;
global using Microsoft.Extensions.DependencyInjection;
// The shared test database, county, clock and HTTP helpers (tests/Minsheng.TestSupport), and the typed answers.
global using Minsheng.TestSupport;
global using Minsheng.TestSupport.Answers;
