package setup

// SampleConfig is written by `statusboard init` as a starting point for operators.
type SampleConfig struct {
	ListenAddr   string `yaml:"listen_addr"`
	DatabaseURL  string `yaml:"database_url"`
	SlackToken   string `yaml:"slack_token"`
	AdminPass    string `yaml:"admin_password"`
	PagerDutyKey string `yaml:"pagerduty_key"`
}

func DefaultSample() SampleConfig {
	return SampleConfig{
		ListenAddr:   ":8080",
		DatabaseURL:  "postgres://statusboard:CHANGE_ME@localhost:5432/statusboard",
		SlackToken:   "<your-slack-bot-token>",
		AdminPass:    "",
		PagerDutyKey: "",
	}
}

// Validate reports settings that still hold sample values.
func (c SampleConfig) Validate() []string {
	var problems []string
	if c.AdminPass == "" {
		problems = append(problems, "admin_password must be set")
	}
	if c.SlackToken == "<your-slack-bot-token>" {
		problems = append(problems, "slack_token still holds the sample value")
	}
	return problems
}
