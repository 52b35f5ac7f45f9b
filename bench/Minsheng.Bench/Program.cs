using Minsheng.Bench;

// Benchmarks through the real domain and database code.
//   --mode register: appeals per second through RegisterAppeal (one durable transaction each)
//   --mode monitor:  how long deadline-monitor passes take over many open appeals
//   --mode pages:    server render time of each main page with the demo county (--count demo appeals, --requests per page)
//   --mode login:    sign-in answer times, real account with a wrong password against an unknown name (--requests each)
// Usage: Minsheng.Bench --mode register|monitor|pages|login --database sqlite:PATH|postgres:CONN [--count N] [--workers N]
var mode = Args.Get(args, "--mode") ?? "register";
var database = Args.Get(args, "--database") ?? throw new ArgumentException("--database is required");
var count = int.Parse(Args.Get(args, "--count") ?? "100000");
return mode switch
{
    "register" => await RegisterBench.RunAsync(database, count, int.Parse(Args.Get(args, "--workers") ?? "4")),
    "monitor" => await MonitorBench.RunAsync(database, count),
    "pages" => await PageBench.RunAsync(database, count, int.Parse(Args.Get(args, "--requests") ?? "200")),
    "login" => await LoginBench.RunAsync(database, int.Parse(Args.Get(args, "--requests") ?? "200")),
    _ => throw new ArgumentException($"unknown mode {mode}"),
};
