package gov.planning.org.entity;

/** Administrative level of the region an organization belongs to (盟/市 = PREFECTURE, 旗/县/区 = COUNTY). */
public enum AdminLevel {
    PROVINCE, PREFECTURE, COUNTY, TOWNSHIP
}
