module github.com/example/service

go 1.21

toolchain go1.21.5

require (
	github.com/gin-gonic/gin v1.9.1
	github.com/sirupsen/logrus v1.9.3
	golang.org/x/net v0.17.0 // indirect
	"github.com/quoted/module" v0.1.0
	github.com/old/fork v1.0.0
	github.com/local/lib v0.0.0-00010101000000-000000000000
)

require gopkg.in/yaml.v3 v3.0.1 // indirect; used by tests

replace github.com/old/fork v1.0.0 => github.com/new/fork v1.2.0

replace (
	github.com/local/lib => ../lib
)

exclude github.com/sirupsen/logrus v1.8.0

retract [v0.9.0, v0.9.5]
