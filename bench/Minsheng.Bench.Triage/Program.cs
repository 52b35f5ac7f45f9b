using Minsheng.Bench.Triage;

// speed [--count N] [--train labelled.csv] [--taxonomy category_taxonomy.csv]
// variants [--train labelled.csv] [--unlabelled a.csv ...] [--replies messages_with_replies.csv] [--taxonomy category_taxonomy.csv] [--only TEXT]
// Without --train, ../shared/data/appeals/labelled_train.csv is looked up from the binary and the working directory.
var mode = args.FirstOrDefault() ?? "speed";
string? Arg(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
var unlabelled = args.Where((a, i) => i > 0 && args[i - 1] == "--unlabelled").ToArray();
var train = Arg("--train") ?? SharedData.Find("labelled_train.csv");
if (train is null || !File.Exists(train))
{
    Console.Error.WriteLine("找不到 labelled_train.csv：请用 --train 指定路径。");
    return 1;
}
if (mode == "weak-check") return WeakCheck.Run(train, Arg("--replies") ?? SharedData.Find("messages_with_replies.csv")!);
return mode == "variants"
    ? Variants.Run(train, unlabelled, Arg("--replies"), Arg("--taxonomy"), Arg("--only"))
    : Speed.Run(train, int.Parse(Arg("--count") ?? "100000"), Arg("--taxonomy"));
