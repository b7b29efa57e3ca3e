# Shared by every function's Makefile: `sam build` (BuildMethod: makefile, build in source)
# runs `make build-<LogicalId>` in the function's folder with ARTIFACTS_DIR set.
# FUNCTION_MODULE names the Maven module, relative to functions/.
# Several functions share one module: Maven packages it once, when a source or pom is newer
# than the last package (the stamp), and each function copies the same package.
REPO_ROOT := $(abspath $(dir $(lastword $(MAKEFILE_LIST)))/..)
MODULE_DIR := $(REPO_ROOT)/functions/$(FUNCTION_MODULE)
SOURCES := $(shell find "$(REPO_ROOT)/shared/src/main" "$(MODULE_DIR)/src/main" -type f) \
           $(REPO_ROOT)/pom.xml $(REPO_ROOT)/shared/pom.xml $(MODULE_DIR)/pom.xml
STAMP := $(MODULE_DIR)/target/lambda.packaged

$(STAMP): $(SOURCES)
	cd "$(REPO_ROOT)" && ./dev mvn -q package -pl functions/$(FUNCTION_MODULE) -am -Dmaven.test.skip=true
	touch "$@"

build-%: $(STAMP)
	cp -R "$(MODULE_DIR)/target/lambda/." "$(ARTIFACTS_DIR)/"
