# Shared by every function's Makefile: `sam build` (BuildMethod: makefile, build in source)
# runs `make build-<LogicalId>` in the function's folder with ARTIFACTS_DIR set.
# FUNCTION_MODULE names the Maven module, relative to functions/.
REPO_ROOT := $(abspath $(dir $(lastword $(MAKEFILE_LIST)))/..)

build-%:
	cd "$(REPO_ROOT)" && ./dev mvn -q package -pl functions/$(FUNCTION_MODULE) -am -Dmaven.test.skip=true
	cp -R "$(REPO_ROOT)/functions/$(FUNCTION_MODULE)/target/lambda/." "$(ARTIFACTS_DIR)/"
